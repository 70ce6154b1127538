import { describe, expect, it } from 'vitest';
import { loadLabelledPlans, measureCoach, reportMeasurement } from './labelled-plans.js';

/**
 * Plans written without looking at the coach's rules, so they measure how it generalises rather than how
 * well it was fitted to its own corpus.
 */
const holdout = loadLabelledPlans('coach-holdout.jsonl');

describe('a held-out set of plans the coach was not tuned on', () => {
  it('holds at least 250 plans, about 45% of them vague', () => {
    expect(holdout.length).toBeGreaterThanOrEqual(250);
    const vagueShare = holdout.filter((row) => row.label === 'vague').length / holdout.length;
    expect(vagueShare).toBeGreaterThanOrEqual(0.4);
    expect(vagueShare).toBeLessThanOrEqual(0.5);
  });

  it('is judged with at least 95% accuracy, at most 3% of vague plans accepted and 5% of good plans rejected', () => {
    const measurement = measureCoach(holdout);
    reportMeasurement('coach holdout', measurement);
    expect(measurement.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(measurement.vagueAccepted).toBeLessThanOrEqual(0.03);
    expect(measurement.valueRejected).toBeLessThanOrEqual(0.05);
  });
});
