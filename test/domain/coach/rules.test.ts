import { describe, expect, it } from 'vitest';
import { normalisePlan } from '../../../src/domain/coach/normalise.js';
import { COACH_RULES, findRuleHits, isBareCliche } from '../../../src/domain/coach/rules/match.js';

const tokensOf = (text: string) => normalisePlan(text, (token) => token).tokens;
const hitIds = (text: string) => findRuleHits(tokensOf(text)).map((hit) => hit.rule.id);

describe.each(COACH_RULES)('the coach rule $id', (rule) => {
  it.each(rule.examples.matches)('finds itself in: %s', (example) => {
    expect(hitIds(example)).toContain(rule.id);
  });

  it.each(rule.examples.doesNotMatch)('stays out of: %s', (example) => {
    expect(hitIds(example)).not.toContain(rule.id);
  });

  it('tells the rep why in one short sentence', () => {
    expect(rule.why.length).toBeLessThanOrEqual(120);
  });
});

describe('a bare cliché', () => {
  const bare = (text: string, contact: string[] = []) => {
    const tokens = tokensOf(text);
    return isBareCliche(tokens, findRuleHits(tokens), new Set(contact));
  };

  it('is only the cliché, a time, a channel and the person', () => {
    expect(bare('just checking in')).toBe(true);
    expect(bare('Call Dave Friday 3pm to check in', ['dave'])).toBe(true);
    expect(bare('f/u next wk re pricing')).toBe(true);
  });

  it('is not a cliché that carries a reason', () => {
    expect(bare('Checking in: their warranty on the 8 printers ends 31 March')).toBe(false);
    expect(bare('Bring the new pump curve')).toBe(false);
  });
});
