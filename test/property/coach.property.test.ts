import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCoachReader } from '../../src/coach-model/load-coach-reader.js';
import { type CoachInput, judgeNextStep, PLAN_MAX_LENGTH } from '../../src/domain/coach/index.js';
import { OUTCOMES, PROFILE_FIELDS, VALUE_REASONS } from '../../src/domain/vocabulary.js';

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.lorem(),
);
const anyProspect = fc.record(
  {
    hotButton: fc.option(anyText),
    lastOutcome: fc.option(fc.constantFrom(...OUTCOMES)),
    materialSentNotReviewed: fc.boolean(),
    stakeholderCount: fc.nat(50),
    unansweredTouchesInRow: fc.nat(50),
    profileGaps: fc.subarray([...PROFILE_FIELDS]),
    company: fc.option(anyText),
    contactName: fc.option(anyText),
  },
  { requiredKeys: [] },
);

const reader = loadCoachReader();
const judge = (input: CoachInput) => judgeNextStep(input, reader);

describe('the coach on any input a rep could type', () => {
  it('always answers with a verdict, a reason when it refuses, and text short enough for a Slack field error', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.option(fc.constantFrom(...VALUE_REASONS)),
        fc.boolean(),
        anyProspect,
        (plan, valueReason, agreedWithProspect, prospect) => {
          const verdict = judge({ plan, valueReason, agreedWithProspect, prospect });
          expect(['value', 'vague']).toContain(verdict.verdict);
          if (verdict.verdict === 'vague') expect(verdict.reasons.length).toBeGreaterThan(0);
          for (const line of [...verdict.reasons, ...verdict.suggestions]) {
            expect(line.trim()).not.toBe('');
            expect(line.length).toBeLessThan(1000);
          }
          expect(JSON.parse(JSON.stringify(verdict))).toEqual(verdict);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses any plan longer than the limit and says what the limit is', () => {
    fc.assert(
      fc.property(
        // The limit applies to the trimmed plan, so padding of whitespace alone is not over it.
        fc.string({ minLength: 1, maxLength: 20 }).filter((chunk) => chunk.trim() !== ''),
        fc.integer({ min: 1, max: 5000 }),
        (chunk, extra) => {
          const plan = `Walk them through the 2027 warranty terms. ${chunk.repeat(Math.ceil((PLAN_MAX_LENGTH + extra) / chunk.length))}`;
          const verdict = judge({ plan });
          expect(verdict.verdict).toBe('vague');
          expect(verdict.reasons.join(' ')).toContain(
            PLAN_MAX_LENGTH.toLocaleString('en-US').replace(',', ''),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
