import { normalisePlan } from '../normalise.js';
import { CLICHE_FILLER, CLICHE_RULES } from './cliches.js';
import { PRESSURE_RULES } from './pressure.js';
import { RELEASE_RULES } from './release.js';
import type { CoachRule } from './rule.js';

export type { CoachRule, RuleKind } from './rule.js';

export const COACH_RULES: readonly CoachRule[] = [...CLICHE_RULES, ...PRESSURE_RULES, ...RELEASE_RULES];

const identity = (token: string) => token;

/** Each phrase in canonical form, as the plan will be, so "f/u" and "follow-up" find "follow up". */
const CANONICAL = COACH_RULES.map((rule) => ({
  rule,
  phrases: rule.phrases.map((phrase) => normalisePlan(phrase, identity).tokens),
}));

export interface RuleHit {
  rule: CoachRule;
  /** Token positions the phrase covers. */
  start: number;
  end: number;
}

function occurrences(tokens: readonly string[], phrase: readonly string[]): number[] {
  const starts: number[] = [];
  const first = phrase[0];
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (tokens[i] !== first) continue;
    let all = true;
    for (let j = 1; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) all = false;
    if (all) starts.push(i);
  }
  return starts;
}

/** Every rule phrase found in the plan's canonical tokens. */
export function findRuleHits(tokens: readonly string[]): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const { rule, phrases } of CANONICAL) {
    for (const phrase of phrases) {
      for (const start of occurrences(tokens, phrase)) hits.push({ rule, start, end: start + phrase.length });
    }
  }
  return hits;
}

const NUMBER = /^[\d$€£#%.,:/-]+$/;

/**
 * A plan that is a cliché and nothing else: once the clichés, time words, the channel, filler and the
 * contact's own name are set aside, at most one word is left ("follow up on warranty" names a topic, not
 * what they get from it).
 */
export function isBareCliche(
  tokens: readonly string[],
  hits: readonly RuleHit[],
  contactWords: ReadonlySet<string>,
): boolean {
  const cliches = hits.filter((hit) => hit.rule.kind === 'cliche');
  if (cliches.length === 0) return false;
  const covered = new Set<number>();
  for (const hit of cliches) for (let i = hit.start; i < hit.end; i++) covered.add(i);
  let left = 0;
  tokens.forEach((token, index) => {
    if (covered.has(index) || token === '.' || NUMBER.test(token)) return;
    if (CLICHE_FILLER.has(token) || contactWords.has(token)) return;
    left++;
  });
  return left <= 1;
}
