/**
 * What the coach's learned model reads in a plan: hashed word n-grams and character 4-grams of the
 * canonical text (the wording), a weighted mean of pretrained word vectors (the meaning, so new wording lands
 * near known wording), and a few facts about the prospect's situation. Pure: the word vectors are handed in.
 */
import type { NormalisedPlan } from './normalise.js';

/** Pretrained word vectors, one int8 row per word with its own scale (see models/README.md). */
export interface WordVectors {
  dimensions: number;
  /** Row of each word. */
  rows: ReadonlyMap<string, number>;
  /** rows.size * dimensions values; a row times its scale is a unit-length vector. */
  values: Int8Array;
  scales: Float32Array;
}

/** Facts about the prospect's situation the model reads next to the words. */
export interface SituationFacts {
  goneDark: boolean;
  hotButtonMentioned: boolean;
}

export interface PlanFeatures {
  /** Hashed feature buckets, ascending and without repeats. */
  sparse: Int32Array;
  /** Every sparse feature has this value, so long and short plans weigh alike. */
  sparseValue: number;
  /**
   * The plan's meaning (weighted mean of its word vectors, unit length; all zero when no word is known),
   * followed by SHAPE_FEATURES numbers about how it is built.
   */
  dense: Float32Array;
}

/** The sparse part of the model is this many weights; a power of two so a hash is masked, not divided. */
export const FEATURE_BUCKETS = 1 << 18;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const DIGIT_ZERO = 48;
const DIGIT_NINE = 57;
const SPACE = 32;
const CHARACTER_GRAM = 4;

/** FNV-1a over a string, digits read as "0": numbers differ from plan to plan, their shape generalises. */
function hashText(seed: number, text: string): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    hash ^= code >= DIGIT_ZERO && code <= DIGIT_NINE ? DIGIT_ZERO : code;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

const mix = (seed: number, value: number) => Math.imul(seed ^ value, FNV_PRIME) >>> 0;
const bucketOf = (hash: number) => hash & (FEATURE_BUCKETS - 1);
const WORD_SEED = hashText(FNV_OFFSET, 'w:');
const BIGRAM_SEED = hashText(FNV_OFFSET, 'b:');
const CHAR_SEED = hashText(FNV_OFFSET, 'c:');
const SITUATION_SEED = hashText(FNV_OFFSET, 's:');
const DARK_WORD_SEED = hashText(FNV_OFFSET, 'dark:');
const SENSE_SEED = hashText(FNV_OFFSET, 'sense:');
const START = hashText(FNV_OFFSET, '<s>');
const END = hashText(FNV_OFFSET, '</s>');

/** The bucket of a named feature; `explain` uses it to name what it finds. */
export function wordBucket(token: string): number {
  return bucketOf(mix(WORD_SEED, hashText(FNV_OFFSET, token)));
}

export function bigramBucket(first: string, second: string): number {
  return bucketOf(mix(mix(BIGRAM_SEED, hashText(FNV_OFFSET, first)), hashText(FNV_OFFSET, second)));
}

function wordGrams(tokens: readonly string[], out: number[], goneDark: boolean): void {
  let previous = START;
  for (const token of tokens) {
    const current = token === '.' ? END : hashText(FNV_OFFSET, token);
    if (token !== '.') {
      out.push(bucketOf(mix(WORD_SEED, current)));
      // The same words mean something else to a prospect who has gone dark (a pressure-releasing note).
      if (goneDark) out.push(bucketOf(mix(DARK_WORD_SEED, current)));
    }
    out.push(bucketOf(mix(mix(BIGRAM_SEED, previous), current)));
    previous = token === '.' ? START : current;
  }
  if (previous !== START) out.push(bucketOf(mix(mix(BIGRAM_SEED, previous), END)));
}

/** Character 4-grams of each word of three letters or more, padded with a space each side. */
function characterGrams(tokens: readonly string[], out: number[]): void {
  for (const token of tokens) {
    if (token.length < 3) continue;
    const padded = token.length + 2;
    for (let start = 0; start + CHARACTER_GRAM <= padded; start++) {
      let hash = CHAR_SEED;
      for (let at = start; at < start + CHARACTER_GRAM; at++) {
        const code = at === 0 || at === padded - 1 ? SPACE : token.charCodeAt(at - 1);
        hash ^= code >= DIGIT_ZERO && code <= DIGIT_NINE ? DIGIT_ZERO : code;
        hash = Math.imul(hash, FNV_PRIME);
      }
      out.push(bucketOf(hash >>> 0));
    }
  }
}

/**
 * Word senses: each known word falls on one side of each of a few fixed random hyperplanes in vector space,
 * and the pattern of sides names a neighbourhood of similar words ("warranty", "guarantee" and "coverage"
 * often share one). The model learns a weight per neighbourhood, so a word it never saw in training still
 * counts like its neighbours. Fixed by a seed, so the same word always lands in the same neighbourhood.
 */
const SENSE_TABLES = 4;
const SENSE_BITS = 8;
let hyperplanes: Float32Array | undefined;

function senseHyperplanes(dimensions: number): Float32Array {
  if (hyperplanes?.length === SENSE_TABLES * SENSE_BITS * dimensions) return hyperplanes;
  let state = 0x5eed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
  hyperplanes = Float32Array.from({ length: SENSE_TABLES * SENSE_BITS * dimensions }, next);
  return hyperplanes;
}

function senseGrams(tokens: readonly string[], vectors: WordVectors, out: number[]): void {
  const { dimensions, rows, values } = vectors;
  const planes = senseHyperplanes(dimensions);
  for (const token of tokens) {
    const row = rows.get(token);
    if (row === undefined) continue;
    const offset = row * dimensions;
    for (let table = 0; table < SENSE_TABLES; table++) {
      let code = 0;
      for (let bit = 0; bit < SENSE_BITS; bit++) {
        const plane = (table * SENSE_BITS + bit) * dimensions;
        let dot = 0;
        for (let d = 0; d < dimensions; d++)
          dot += (planes[plane + d] as number) * (values[offset + d] as number);
        if (dot > 0) code |= 1 << bit;
      }
      out.push(bucketOf(mix(mix(SENSE_SEED, table), code)));
    }
  }
}

function sortedUnique(buckets: number[]): Int32Array {
  const sorted = Int32Array.from(buckets).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i] as number;
  }
  return sorted.slice(0, unique);
}

const WORD = /[a-z]+/g;

/** The words of a text as the word-vector table spells them (lower case, letters only). */
export function vectorWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/**
 * Frequent words ("the", "to", "call") say little about a plan's meaning; a word's weight grows with its
 * rank in the table, which is ordered by frequency (a smooth inverse-frequency weight).
 */
const FREQUENT_RANK = 300;

function meaningOf(tokens: readonly string[], vectors: WordVectors): Float32Array {
  const { dimensions, rows, values, scales } = vectors;
  const sum = new Float32Array(dimensions + SHAPE_FEATURES);
  for (const word of tokens.flatMap((token) => token.match(WORD) ?? [])) {
    const row = rows.get(word);
    if (row === undefined) continue;
    const weight = ((scales[row] as number) * row) / (row + FREQUENT_RANK);
    const offset = row * dimensions;
    for (let d = 0; d < dimensions; d++)
      sum[d] = (sum[d] as number) + weight * (values[offset + d] as number);
  }
  let norm = 0;
  for (let d = 0; d < dimensions; d++) norm += (sum[d] as number) ** 2;
  if (norm > 0) {
    const inverse = 1 / Math.sqrt(norm);
    for (let d = 0; d < dimensions; d++) sum[d] = (sum[d] as number) * inverse;
  }
  return sum;
}

/**
 * How a plan is built, each scaled to 0..1: something checkable (numbers, amounts, names), whose situation it
 * speaks of (you and yours against we and ours), whether it is only a question, and its length.
 */
export const SHAPE_FEATURES = 7;
const YOU = new Set([
  'you',
  'your',
  'youre',
  'yours',
  'youll',
  'youve',
  'yourself',
  'their',
  'theyre',
  'them',
  'they',
]);
const WE = new Set(['we', 'our', 'us', 'ours', 'were', 'weve', 'well', 'i', 'me', 'my', 'im', 'ive', 'ill']);
const HAS_DIGIT = /\d/;
const AMOUNT = /[$€£%]|\d(?:k|m|bn)$/;
const MID_SENTENCE_CAPITAL = /[a-z,;:] +[A-Z][a-zA-Z0-9-]+/g;
const LONG_PLAN_TOKENS = 200;

function shapeOf(text: string, tokens: readonly string[], out: Float32Array, at: number): void {
  let numbers = 0;
  let amounts = 0;
  let you = 0;
  let we = 0;
  let words = 0;
  for (const token of tokens) {
    if (token === '.') continue;
    words++;
    if (HAS_DIGIT.test(token)) numbers++;
    if (AMOUNT.test(token)) amounts++;
    if (YOU.has(token)) you++;
    else if (WE.has(token)) we++;
  }
  const share = (count: number) => (words === 0 ? 0 : Math.min(1, (count / words) * 5));
  const names = text.match(MID_SENTENCE_CAPITAL)?.length ?? 0;
  const question = text.trimEnd().endsWith('?') ? 1 : 0;
  const values = [
    Math.min(numbers, 3) / 3,
    Math.min(amounts, 2) / 2,
    Math.min(names, 3) / 3,
    share(you),
    share(we),
    question,
    Math.log1p(words) / Math.log1p(LONG_PLAN_TOKENS),
  ];
  values.forEach((value, index) => {
    out[at + index] = Math.min(1, value);
  });
}

/** Everything the model reads of one plan. */
export function planFeatures(
  text: string,
  normalised: NormalisedPlan,
  situation: SituationFacts,
  vectors: WordVectors,
): PlanFeatures {
  const buckets: number[] = [];
  if (situation.goneDark) buckets.push(bucketOf(hashText(SITUATION_SEED, 'gone dark')));
  if (situation.hotButtonMentioned) buckets.push(bucketOf(hashText(SITUATION_SEED, 'hot button')));
  wordGrams(normalised.tokens, buckets, situation.goneDark);
  characterGrams(normalised.tokens, buckets);
  senseGrams(normalised.tokens, vectors, buckets);
  const sparse = sortedUnique(buckets);
  const dense = meaningOf(normalised.tokens, vectors);
  shapeOf(text, normalised.tokens, dense, vectors.dimensions);
  return {
    sparse,
    sparseValue: sparse.length === 0 ? 0 : 1 / Math.sqrt(sparse.length),
    dense,
  };
}
