/**
 * Training and measuring the coach's model: logistic regression over a plan's features (src/domain/coach/
 * features.ts), fitted by AdaGrad in a seeded order, so the same data always gives the same weights, and a
 * decision threshold chosen by cross-validation inside the training data only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { CoachInput } from '../src/domain/coach/coach-input.js';
import { FEATURE_BUCKETS, type PlanFeatures, type WordVectors } from '../src/domain/coach/features.js';
import { featuresOf } from '../src/domain/coach/judge.js';
import { type CoachModel, type CoachWeights, valueProbability } from '../src/domain/coach/model.js';

export interface LabelledPlan extends Omit<CoachInput, 'plan'> {
  text: string;
  label: 'value' | 'vague';
  /** Real-world lines: the page the line is quoted from. */
  source?: string;
  /** Real-world lines: the two labellers' labels, given independently. */
  labels?: Array<'value' | 'vague'>;
}

const FIXTURES = new URL('../test/fixtures/', import.meta.url);

/** Sealed sets stay out of training and of every figure until the model that will ship is frozen. */
const SEALED = /sealed/;

/** Every labelled set in test/fixtures, sealed ones apart. */
export function labelledSetFiles(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.startsWith('coach-') && name.endsWith('.jsonl') && !SEALED.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export function loadLabelledSet(file: string): LabelledPlan[] {
  return readFileSync(new URL(file, FIXTURES), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledPlan);
}

export interface Example {
  text: string;
  features: PlanFeatures;
  /** 1 for a valuable plan, 0 for a vague one. */
  label: number;
  /** What a held-out fold leaves out whole: the set, or for real-world lines the site. */
  group: string;
  set: string;
  /** How much the example counts in training: real text is what the coach meets, and the sets have little of it. */
  weight: number;
  /** Real-world line or blind batch: the threshold must serve both kinds of text. */
  kind: 'real' | 'blind';
}

/** Sets of public lines quoted with their source; every other set is a blind batch. */
export const REAL_WORLD = /real-world/;

export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** What the coach is given of a labelled plan: the plan and its context, not its label or provenance. */
export function coachInputOf(plan: LabelledPlan): CoachInput {
  const { text, label: _label, source: _source, labels: _labels, ...context } = plan;
  return { plan: text.trim(), ...context };
}

export function toExample(plan: LabelledPlan, set: string, vectors: WordVectors): Example {
  const { text, label, source } = plan;
  return {
    text,
    features: featuresOf(coachInputOf(plan), vectors),
    label: label === 'value' ? 1 : 0,
    group: source ? siteOf(source) : set,
    set,
    weight: REAL_WORLD.test(set) ? TRAINING.realWorldWeight : 1,
    kind: REAL_WORLD.test(set) ? 'real' : 'blind',
  };
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per step on the weights an example touches. */
  l2: number;
  seed: number;
  /** Folds of the training data the threshold is chosen on. */
  thresholdFolds: number;
  /** The weight of a real-world line against a blind batch's plan. */
  realWorldWeight: number;
}

/** Fixed before any evaluation, not tuned on it. */
export const TRAINING: TrainingOptions = {
  epochs: 12,
  learningRate: 0.5,
  l2: 1e-4,
  seed: 20261201,
  thresholdFolds: 5,
  realWorldWeight: 3,
};

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fits logistic regression by AdaGrad; the order of examples is shuffled each epoch from the fixed seed. */
export function trainLogistic(
  examples: readonly Example[],
  options: TrainingOptions = TRAINING,
): CoachWeights {
  const dimensions = examples[0]?.features.dense.length ?? 0;
  const weights: CoachWeights = {
    bias: 0,
    sparse: new Float32Array(FEATURE_BUCKETS),
    dense: new Float32Array(dimensions),
  };
  const sparseSquares = new Float32Array(FEATURE_BUCKETS);
  const denseSquares = new Float32Array(dimensions);
  let biasSquares = 0;
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed);
  const rate = options.learningRate;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const { features, label, weight } = examples[index] as Example;
      const error = (valueProbability(weights, features) - label) * weight;
      biasSquares += error * error;
      weights.bias -= (rate * error) / Math.sqrt(biasSquares + 1e-8);
      const value = features.sparseValue;
      for (const bucket of features.sparse) {
        const weight = weights.sparse[bucket] as number;
        const gradient = error * value + options.l2 * weight;
        const squares = (sparseSquares[bucket] as number) + gradient * gradient;
        sparseSquares[bucket] = squares;
        weights.sparse[bucket] = weight - (rate * gradient) / Math.sqrt(squares + 1e-8);
      }
      const { dense } = features;
      for (let d = 0; d < dimensions; d++) {
        const weight = weights.dense[d] as number;
        const gradient = error * (dense[d] as number) + options.l2 * weight;
        const squares = (denseSquares[d] as number) + gradient * gradient;
        denseSquares[d] = squares;
        weights.dense[d] = weight - (rate * gradient) / Math.sqrt(squares + 1e-8);
      }
    }
  }
  return weights;
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
    accuracy: pairs.length === 0 ? 0 : 1 - (vagueAccepted + valueRejected) / pairs.length,
    vagueAccepted: vague === 0 ? 0 : vagueAccepted / vague,
    valueRejected: valuable === 0 ? 0 : valueRejected / valuable,
  };
}

/** The groups of `examples` dealt into `folds` folds in a seeded order: each group lands whole in one fold. */
export function groupFolds(examples: readonly Example[], folds: number, seed: number): number[][] {
  const groups = [...new Set(examples.map((example) => example.group))].sort();
  const random = seededRandom(seed);
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [groups[i], groups[j]] = [groups[j] as string, groups[i] as string];
  }
  const foldOf = new Map(groups.map((group, index) => [group, index % folds]));
  const out: number[][] = Array.from({ length: Math.min(folds, groups.length) }, () => []);
  examples.forEach((example, index) => {
    out[foldOf.get(example.group) as number]?.push(index);
  });
  return out;
}

/**
 * The method weighs the two errors unequally: a vague plan let through teaches the rep nothing (at most 5%),
 * a good plan refused makes them stop using the app (at most 8%). The threshold keeps both rates
 * proportionally lowest: it minimises the larger of each rate over its allowance.
 */
const VAGUE_ACCEPTED_ALLOWANCE = 0.05;
const VALUE_REJECTED_ALLOWANCE = 0.08;

export interface Scored {
  label: number;
  probability: number;
  kind: Example['kind'];
}

/** The larger of each error rate over its allowance, at this threshold. */
function overrun(scored: readonly Scored[], threshold: number): number {
  const rates = ratesOf(scored.map(({ label, probability }) => ({ label, value: probability >= threshold })));
  return Math.max(
    rates.vagueAccepted / VAGUE_ACCEPTED_ALLOWANCE,
    rates.valueRejected / VALUE_REJECTED_ALLOWANCE,
  );
}

/** The threshold whose worst overrun, over real-world lines and blind batches alike, is smallest. */
export function chooseThreshold(scored: readonly Scored[]): number {
  const kinds = (['real', 'blind'] as const)
    .map((kind) => scored.filter((item) => item.kind === kind))
    .filter((items) => items.length > 0);
  let best = 0.5;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let step = 20; step <= 80; step++) {
    const threshold = step / 100;
    const cost = Math.max(...kinds.map((items) => overrun(items, threshold)));
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      best = threshold;
    }
  }
  return best;
}

/** Where the model is this close under its threshold, the coach asks for a detail rather than refusing. */
const UNSURE_BAND = 0.15;

/** Trains the model on `examples` and picks its threshold by grouped cross-validation inside them. */
export function fitModel(
  examples: readonly Example[],
  options: TrainingOptions = TRAINING,
): Omit<CoachModel, 'version'> {
  const scored: Scored[] = [];
  for (const fold of groupFolds(examples, options.thresholdFolds, options.seed)) {
    const held = new Set(fold);
    const weights = trainLogistic(
      examples.filter((_, index) => !held.has(index)),
      options,
    );
    for (const index of fold) {
      const example = examples[index] as Example;
      scored.push({
        label: example.label,
        probability: valueProbability(weights, example.features),
        kind: example.kind,
      });
    }
  }
  const threshold = chooseThreshold(scored);
  return { ...trainLogistic(examples, options), threshold, unsureFrom: Math.max(0, threshold - UNSURE_BAND) };
}
