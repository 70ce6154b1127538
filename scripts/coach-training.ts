/**
 * Training and measuring the coach's learned verdict: plain logistic regression over hashed plan features,
 * fitted by stochastic gradient descent in a seeded order, so the same data always gives the same weights.
 */
import { readFileSync } from 'node:fs';
import type { CoachInput } from '../src/domain/coach/coach-input.js';
import { readPlan, VALUE_THRESHOLD } from '../src/domain/coach/judge.js';
import { FEATURE_BUCKETS, type FeatureGroups, planFeatures } from './coach-features.js';

export interface LabelledPlan extends Omit<CoachInput, 'plan'> {
  text: string;
  label: 'value' | 'vague';
}

/** The labelled sets, in the order they were written. */
export const LABELLED_SETS = [
  'coach-corpus.jsonl',
  'coach-holdout.jsonl',
  'coach-holdout-2.jsonl',
  'coach-holdout-3.jsonl',
  'coach-holdout-4.jsonl',
  'coach-holdout-5.jsonl',
] as const;

export function loadLabelledSet(file: string): LabelledPlan[] {
  return readFileSync(new URL(`../test/fixtures/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledPlan);
}

export interface Example {
  features: Int32Array;
  /** 1 for a valuable plan, 0 for a vague one. */
  label: number;
  /** The rules' own verdict, for comparison. */
  rulesSayValue: boolean;
}

export function toExample(plan: LabelledPlan, groups: FeatureGroups): Example {
  const { text, label, ...context } = plan;
  const input: CoachInput = { plan: text.trim(), ...context };
  const reading = readPlan(input, input.plan);
  return {
    features: planFeatures(input, reading, groups),
    label: label === 'value' ? 1 : 0,
    rulesSayValue: reading.score >= VALUE_THRESHOLD,
  };
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per step on the weights an example touches. */
  l2: number;
  seed: number;
}

/** Fixed before the evaluation, not tuned on it. */
export const TRAINING: TrainingOptions = { epochs: 30, learningRate: 0.1, l2: 1e-4, seed: 20240611 };

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fits logistic regression by SGD; the order of examples is shuffled each epoch from the fixed seed. */
export function trainLogistic(
  examples: readonly Example[],
  options: TrainingOptions = TRAINING,
): Float64Array {
  const weights = new Float64Array(FEATURE_BUCKETS);
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const rate = options.learningRate / (1 + epoch * 0.1);
    for (const index of order) {
      const example = examples[index] as Example;
      const probability = 1 / (1 + Math.exp(-valueMargin(weights, example.features)));
      const gradient = probability - example.label;
      for (const bucket of example.features) {
        const weight = weights[bucket] as number;
        weights[bucket] = weight - rate * (gradient + options.l2 * weight);
      }
    }
  }
  return weights;
}

/** The log-odds that a plan is valuable; valuable from 0 up. */
export function valueMargin(weights: Float64Array, features: Int32Array): number {
  let sum = 0;
  for (const bucket of features) sum += weights[bucket] as number;
  return sum;
}

export interface Rates {
  plans: number;
  accuracy: number;
  vagueAccepted: number;
  valueRejected: number;
}

export function ratesOf(pairs: ReadonlyArray<{ label: number; value: boolean }>): Rates {
  let vague = 0;
  let vagueAccepted = 0;
  let valueRejected = 0;
  for (const { label, value } of pairs) {
    if (label === 0) {
      vague++;
      if (value) vagueAccepted++;
    } else if (!value) valueRejected++;
  }
  const valuable = pairs.length - vague;
  return {
    plans: pairs.length,
    accuracy: 1 - (vagueAccepted + valueRejected) / pairs.length,
    vagueAccepted: vague === 0 ? 0 : vagueAccepted / vague,
    valueRejected: valuable === 0 ? 0 : valueRejected / valuable,
  };
}
