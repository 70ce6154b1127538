import { describe, expect, it } from 'vitest';
import { judgeNextStep } from '../../../src/domain/coach/index.js';
import { loadLabelledPlans, measureCoach, reportMeasurement } from './labelled-plans.js';

const corpus = loadLabelledPlans('coach-corpus.jsonl');

describe('the labelled corpus of plans', () => {
  it('holds at least 300 plans, at least 40% of them vague', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((row) => row.label === 'vague').length / corpus.length).toBeGreaterThanOrEqual(0.4);
  });

  it('is judged with at least 95% accuracy, at most 3% of vague plans accepted and 5% of good plans rejected', () => {
    const measurement = measureCoach(corpus);
    reportMeasurement('coach corpus', measurement);
    expect(measurement.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(measurement.vagueAccepted).toBeLessThanOrEqual(0.03);
    expect(measurement.valueRejected).toBeLessThanOrEqual(0.05);
  });

  it('judges well over ten thousand plans a second', () => {
    // Distinct texts, so the memoised typo corrections do not flatter the figure.
    const inputs = Array.from({ length: 20_000 }, (_, i) => {
      const row = corpus[i % corpus.length];
      return { plan: `${row?.text ?? ''} ref${i}`, prospect: row?.prospect };
    });
    const started = performance.now();
    for (const input of inputs) judgeNextStep(input);
    const perSecond = inputs.length / ((performance.now() - started) / 1000);
    console.info(`coach throughput: ${Math.round(perSecond)} plans/s`);
    // The contract is >10k/s on a quiet machine; the bound leaves room for a busy CI runner.
    expect(perSecond).toBeGreaterThan(3000);
  });
});
