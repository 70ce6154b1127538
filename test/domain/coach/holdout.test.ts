import { describe, expect, it } from 'vitest';
import { loadLabelledPlans, measureCoach, reportMeasurement } from './labelled-plans.js';

/**
 * Plans written without looking at the coach's rules, so they measure how it generalises rather than how
 * well it was fitted to its own corpus. The second set was written after the first round of fixes, to check
 * that those fixes were not fitted to the first set, and the third after the second round; each was measured
 * before any change made for it.
 */
const sets = [
  { name: 'coach holdout', file: 'coach-holdout.jsonl', minimum: 250 },
  { name: 'coach holdout 2', file: 'coach-holdout-2.jsonl', minimum: 100 },
  { name: 'coach holdout 3', file: 'coach-holdout-3.jsonl', minimum: 40 },
  // Written blind to the coach, with prospect context on a third of the plans; measured at 92% accuracy,
  // 8.7% of vague plans accepted and 7.3% of good plans rejected before the rules were generalised against
  // its failures. Like the others it is no longer out of sample: it guards against regressions, and only a
  // batch the coach has never been fixed against says how it generalises.
  { name: 'coach holdout 4', file: 'coach-holdout-4.jsonl', minimum: 300 },
  // Written blind; its first measurement, before any change, was 90.4% accuracy, 9.6% of vague plans
  // accepted and 9.6% of good plans rejected. The rules were then made to weigh specificity against its
  // failures, so it is no longer out of sample either.
  { name: 'coach holdout 6', file: 'coach-holdout-6.jsonl', minimum: 250 },
  // Written blind and kept sealed until the rules before it were committed; its first measurement was 92.0%
  // accuracy, 6.4% of vague plans accepted and 9.6% of good plans rejected. The rules were then generalised
  // against its failures (our news told plainly, a maker ending parts, re-asks softened by an apology), so it
  // is no longer out of sample.
  { name: 'coach holdout 7', file: 'coach-holdout-7.jsonl', minimum: 250 },
  // Written blind; first measured at 88.4% accuracy, 9.6% of vague plans accepted and 13.6% of good plans
  // rejected. It reached the targets only after rules generalised partly against its failures (a dated model
  // that has what they lacked, interest-free terms, growth on their side, a specialist of ours brought in),
  // so it is no longer out of sample.
  { name: 'coach holdout 5', file: 'coach-holdout-5.jsonl', minimum: 250 },
  // Written blind and first measured at 93.2% accuracy, 8.0% of vague plans accepted and 5.6% of good plans
  // rejected; the ninth at 92.4%, 11.2% and 4.0%. The rules then learnt to read hollow words (jargon,
  // hedges, presenting ourselves, a visit to reconnect), our price or deadline used as a lever, and a need
  // they stated answered by something of ours, partly against their failures: they guard from here on.
  { name: 'coach holdout 8', file: 'coach-holdout-8.jsonl', minimum: 250 },
  { name: 'coach holdout 9', file: 'coach-holdout-9.jsonl', minimum: 250 },
] as const;

describe.each(sets)(
  'a held-out set of plans the coach was not tuned on: $file',
  ({ name, file, minimum }) => {
    const plans = loadLabelledPlans(file);

    it(`holds at least ${minimum} plans, about 45% of them vague`, () => {
      expect(plans.length).toBeGreaterThanOrEqual(minimum);
      const vagueShare = plans.filter((row) => row.label === 'vague').length / plans.length;
      expect(vagueShare).toBeGreaterThanOrEqual(0.4);
      expect(vagueShare).toBeLessThanOrEqual(0.5);
    });

    it('is judged with at least 95% accuracy, at most 3% of vague plans accepted and 5% of good plans rejected', () => {
      const measurement = measureCoach(plans);
      reportMeasurement(name, measurement);
      expect(measurement.accuracy).toBeGreaterThanOrEqual(0.95);
      expect(measurement.vagueAccepted).toBeLessThanOrEqual(0.03);
      expect(measurement.valueRejected).toBeLessThanOrEqual(0.05);
    });
  },
);
