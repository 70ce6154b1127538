/**
 * The coach's learned model: one logistic regression over a plan's features (see features.ts), trained by
 * `npm run coach:train` from the labelled sets and committed as models/coach-model.json. Pure: the model
 * and the word vectors are handed in, loaded once at start.
 */
import type { PlanFeatures } from './features.js';

export interface CoachModel {
  /** Changes whenever the features, the data or the training change. */
  version: string;
  bias: number;
  /** One weight per feature bucket (FEATURE_BUCKETS of them). */
  sparse: Float32Array;
  /** One weight per word-vector dimension. */
  dense: Float32Array;
  /** A plan is valuable from this probability up; chosen on training folds only. */
  threshold: number;
  /** Below the threshold but at least this: the coach asks for the one missing detail. */
  unsureFrom: number;
}

/** The weights alone: what training fits before a threshold is chosen. */
export type CoachWeights = Pick<CoachModel, 'bias' | 'sparse' | 'dense'>;

/** The log-odds that a plan brings the prospect value. */
export function valueLogOdds(model: CoachWeights, features: PlanFeatures): number {
  let sum = model.bias;
  for (const bucket of features.sparse) sum += (model.sparse[bucket] as number) * features.sparseValue;
  const { dense } = features;
  for (let d = 0; d < dense.length; d++) sum += (model.dense[d] as number) * (dense[d] as number);
  return sum;
}

export function valueProbability(model: CoachWeights, features: PlanFeatures): number {
  return 1 / (1 + Math.exp(-valueLogOdds(model, features)));
}
