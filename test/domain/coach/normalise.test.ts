import { describe, expect, it } from 'vitest';
import { normalisePlan } from '../../../src/domain/coach/normalise.js';

const correct = (token: string) => token;
const canonical = (text: string) => normalisePlan(text, correct).text;

describe('normalising what a rep typed', () => {
  it('expands the shorthand reps use', () => {
    expect(canonical('f/u re pricing w/ Bob nxt wk')).toBe('follow up regarding pricing with bob next week');
    expect(canonical('chk in tmrw')).toBe('check in tomorrow');
    expect(canonical('Check-in / follow-up')).toBe('check in follow up');
  });

  it('drops emoji and case, and keeps sentence breaks as a lone dot', () => {
    expect(canonical('Just checking in 🙂🙏! Any NEWS?')).toBe('just checking in . any news');
  });

  it("drops apostrophes so there is one spelling of they've, don't and Sue's", () => {
    expect(canonical("They've said don't call Sue’s boss")).toBe('theyve said dont call sues boss');
  });

  it('keeps thousands separators inside a number and drops other commas', () => {
    expect(canonical('Save $10,000, maybe more')).toBe('save $10,000 maybe more');
  });

  it('keeps numbers, amounts and product codes whole', () => {
    expect(canonical('Save $18k (12.5%) on the R740, v5.2.')).toBe('save $18k . 12.5% . on the r740 v5.2');
  });

  it('is empty for whitespace', () => {
    expect(normalisePlan('  \n\t ', correct).tokens).toEqual([]);
  });
});
