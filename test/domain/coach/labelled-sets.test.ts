import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelledSetFiles, loadLabelledSet, siteOf } from '../../../scripts/coach-training.js';

const model = JSON.parse(
  readFileSync(new URL('../../../models/coach-model.json', import.meta.url), 'utf8'),
) as {
  trainedOn: string[];
};

describe('the labelled sets the coach learns from', () => {
  it.each(labelledSetFiles())('%s holds plans labelled value or vague', (file) => {
    for (const plan of loadLabelledSet(file)) {
      expect(plan.text.trim()).not.toBe('');
      expect(['value', 'vague']).toContain(plan.label);
    }
  });

  it('includes the real-world lines, each quoted with its source, from at least 80 sites', () => {
    const real = loadLabelledSet('coach-real-world.jsonl');
    expect(real.length).toBeGreaterThanOrEqual(500);
    for (const plan of real) expect(plan.source).toMatch(/^https?:\/\//);
    expect(new Set(real.map((plan) => siteOf(plan.source ?? ''))).size).toBeGreaterThanOrEqual(80);
  });

  it('keeps only real-world lines both labellers agreed on', () => {
    for (const plan of loadLabelledSet('coach-real-world.jsonl')) {
      expect(plan.labels).toEqual([plan.label, plan.label]);
    }
  });

  it('is what the committed model was trained on: retrain (npm run coach:train) after changing a set', () => {
    expect(model.trainedOn).toEqual(labelledSetFiles());
  });
});
