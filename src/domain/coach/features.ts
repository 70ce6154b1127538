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
  /** The plan's meaning: weighted mean of its word vectors, unit length (all zero when no word is known). */
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
  const sum = new Float32Array(dimensions);
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

/** Everything the model reads of one plan. */
export function planFeatures(
  normalised: NormalisedPlan,
  situation: SituationFacts,
  vectors: WordVectors,
): PlanFeatures {
  const buckets: number[] = [];
  if (situation.goneDark) buckets.push(bucketOf(hashText(SITUATION_SEED, 'gone dark')));
  if (situation.hotButtonMentioned) buckets.push(bucketOf(hashText(SITUATION_SEED, 'hot button')));
  wordGrams(normalised.tokens, buckets, situation.goneDark);
  characterGrams(normalised.tokens, buckets);
  const sparse = sortedUnique(buckets);
  return {
    sparse,
    sparseValue: sparse.length === 0 ? 0 : 1 / Math.sqrt(sparse.length),
    dense: meaningOf(normalised.tokens, vectors),
  };
}
