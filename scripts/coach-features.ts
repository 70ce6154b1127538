/**
 * The features a learned coach would read (scripts/evaluate-coach.ts measures it; it is not shipped): what the rules found (value signals by kind and strength, cliché
 * families, concrete details, the rules' own score), the prospect context, and the words of the canonical
 * text as unigrams, bigrams and character 4-grams. Each feature is hashed into a fixed number of buckets, so
 * the model is a flat array of weights; words and characters are hashed as they are read, without building
 * a string per feature, so inference would stay fast.
 */
import type { CoachInput } from '../src/domain/coach/coach-input.js';
import type { PlanReading } from '../src/domain/coach/judge.js';
import { GONE_DARK_AFTER } from '../src/domain/coach/suggestions.js';

/** Buckets the feature names are hashed into; a power of two so the hash is masked, not divided. */
export const FEATURE_BUCKETS = 1 << 18;

/** Which groups of features a model reads (the evaluation compares them). */
export interface FeatureGroups {
  /** The rules' own score and verdict. */
  score: boolean;
  /** What the rules found, one feature per signal kind, cliché family and kind of detail. */
  rules: boolean;
  words: boolean;
  /** Character 4-grams within each word, for spellings and word forms the rules and the words miss. */
  chars: boolean;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const DIGIT_ZERO = 48;
const DIGIT_NINE = 57;
const SPACE = 32;

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

function mix(seed: number, value: number): number {
  return Math.imul(seed ^ value, FNV_PRIME) >>> 0;
}

const bucketOf = (hash: number) => hash & (FEATURE_BUCKETS - 1);
const RULE_SEED = hashText(FNV_OFFSET, 'rule:');
const WORD_SEED = hashText(FNV_OFFSET, 'w:');
const BIGRAM_SEED = hashText(FNV_OFFSET, 'b:');
const CHAR_SEED = hashText(FNV_OFFSET, 'c:');
const START = hashText(FNV_OFFSET, '<s>');
const END = hashText(FNV_OFFSET, '</s>');

function capped(count: number, cap: number): number {
  return count > cap ? cap : count;
}

function ruleFeatures(input: CoachInput, reading: PlanReading, out: string[]): void {
  const { signals, cliches, details } = reading;
  const kinds = new Set<string>();
  for (const signal of signals) {
    out.push(`signal:${signal.kind}:${signal.strength}`, `signal:${signal.strength}`);
    kinds.add(signal.kind);
  }
  out.push(`signal kinds:${capped(kinds.size, 3)}`);
  const families = new Set<string>();
  for (const hit of cliches) families.add(hit.family);
  for (const family of families) out.push(`cliche:${family}`);
  out.push(`cliche families:${capped(families.size, 3)}`);
  if (cliches[0]?.index === 0) out.push('opens with cliche');
  if (cliches.length > 0 && signals.length > 0) out.push('cliche and signal');
  // A strong signal with nothing concrete next to it is how a dressed-up check-in reads ("new options").
  const best = signals.some((signal) => signal.strength === 'strong')
    ? 'strong'
    : signals.length > 0
      ? 'weak'
      : 'none';
  const detail = details.hard.length > 0 ? 'hard' : details.soft.length > 0 ? 'soft' : 'none';
  out.push(
    `evidence:${best}/${detail}`,
    `evidence:${best}/${detail}/${cliches.length > 0 ? 'cliche' : 'clean'}`,
  );
  out.push(
    `hard details:${capped(details.hard.length, 3)}`,
    `soft details:${capped(details.soft.length, 3)}`,
  );
  if (details.names.size > 0) out.push('names someone');
  if (details.hotButtonMentioned) out.push('mentions hot button');
  const tokens = reading.normalised.tokens.length;
  out.push(`length:${tokens < 6 ? 'short' : tokens < 15 ? 'medium' : tokens < 40 ? 'long' : 'very long'}`);

  if (input.valueReason) out.push('picked category', `picked:${input.valueReason}`);
  if (input.valueDetail?.trim()) out.push('wrote detail');
  if (input.agreedWithProspect !== undefined) out.push(`agreed:${input.agreedWithProspect}`);
  const prospect = input.prospect;
  if (prospect) {
    if (prospect.lastOutcome) out.push(`last outcome:${prospect.lastOutcome}`);
    if ((prospect.unansweredTouchesInRow ?? 0) >= GONE_DARK_AFTER) out.push('gone dark');
    if (prospect.materialSentNotReviewed) out.push('material pending');
    if (prospect.stakeholderCount !== undefined && prospect.stakeholderCount <= 1) out.push('single contact');
    if (prospect.hotButton?.trim()) out.push('hot button known');
  }
}

function wordFeatures(tokens: readonly string[], out: number[]): void {
  let previous = START;
  for (const token of tokens) {
    const current = token === '.' ? END : hashText(FNV_OFFSET, token);
    if (token !== '.') out.push(bucketOf(mix(WORD_SEED, current)));
    out.push(bucketOf(mix(mix(BIGRAM_SEED, previous), current)));
    previous = token === '.' ? START : current;
  }
  if (previous !== START) out.push(bucketOf(mix(mix(BIGRAM_SEED, previous), END)));
}

/** Character 4-grams of each word of three letters or more, padded with a space each side. */
function charFeatures(tokens: readonly string[], out: number[]): void {
  for (const token of tokens) {
    if (token.length < 3) continue;
    const padded = token.length + 2;
    for (let start = 0; start + 4 <= padded; start++) {
      let hash = CHAR_SEED;
      for (let at = start; at < start + 4; at++) {
        const code = at === 0 || at === padded - 1 ? SPACE : token.charCodeAt(at - 1);
        hash ^= code >= DIGIT_ZERO && code <= DIGIT_NINE ? DIGIT_ZERO : code;
        hash = Math.imul(hash, FNV_PRIME);
      }
      out.push(bucketOf(hash >>> 0));
    }
  }
}

/** The hashed, de-duplicated feature buckets of a plan, in ascending order. */
export function planFeatures(input: CoachInput, reading: PlanReading, groups: FeatureGroups): Int32Array {
  const names: string[] = ['bias'];
  if (groups.score) names.push(`score:${reading.score}`, `score>=${Math.min(Math.floor(reading.score), 3)}`);
  if (groups.rules) ruleFeatures(input, reading, names);
  const hashed: number[] = names.map((name) => bucketOf(hashText(RULE_SEED, name)));
  if (groups.words) wordFeatures(reading.normalised.tokens, hashed);
  if (groups.chars) charFeatures(reading.normalised.tokens, hashed);
  const buckets = Int32Array.from(hashed).sort();
  let unique = 0;
  for (let i = 0; i < buckets.length; i++) {
    if (i === 0 || buckets[i] !== buckets[i - 1]) buckets[unique++] = buckets[i] as number;
  }
  return buckets.subarray(0, unique);
}
