import { readFileSync } from 'node:fs';
import { type CoachInput, judgeNextStep } from '../../../src/domain/coach/index.js';

export interface LabelledPlan extends Omit<CoachInput, 'plan'> {
  text: string;
  label: 'value' | 'vague';
}

export interface Measurement {
  plans: number;
  accuracy: number;
  /** Share of the vague plans judged valuable. */
  vagueAccepted: number;
  /** Share of the valuable plans judged vague. */
  valueRejected: number;
  misses: string[];
}

/** Reads a JSON-lines fixture of labelled plans (test/fixtures/<name>). */
export function loadLabelledPlans(name: string): LabelledPlan[] {
  return readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledPlan);
}

/** Judges every plan and compares the verdict with its label. */
export function measureCoach(plans: readonly LabelledPlan[]): Measurement {
  const misses: string[] = [];
  let vagueAccepted = 0;
  let valueRejected = 0;
  for (const { text, label, ...context } of plans) {
    const { verdict } = judgeNextStep({ plan: text, ...context });
    if (verdict === label) continue;
    misses.push(`${label}: ${text}`);
    if (label === 'vague') vagueAccepted++;
    else valueRejected++;
  }
  const vague = plans.filter((row) => row.label === 'vague').length;
  const value = plans.length - vague;
  return {
    plans: plans.length,
    accuracy: 1 - misses.length / plans.length,
    vagueAccepted: vague === 0 ? 0 : vagueAccepted / vague,
    valueRejected: value === 0 ? 0 : valueRejected / value,
    misses,
  };
}

/** Logs a measurement the way a reader wants it: the three rates, then every misjudged plan. */
export function reportMeasurement(title: string, measurement: Measurement): void {
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  console.info(
    `${title}: ${measurement.plans} plans, accuracy ${percent(measurement.accuracy)}, vague accepted ${percent(measurement.vagueAccepted)}, value rejected ${percent(measurement.valueRejected)}`,
  );
  if (measurement.misses.length > 0) console.info(`misjudged:\n${measurement.misses.join('\n')}`);
}
