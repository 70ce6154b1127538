/**
 * The coach model's file (models/coach-model.json): the weights that are not zero, rounded to five
 * significant digits, so the file is small, diffs stay readable and training twice writes the same bytes.
 */
import { FEATURE_BUCKETS } from '../domain/coach/features.js';
import type { CoachModel } from '../domain/coach/model.js';

export interface CoachModelFile {
  version: string;
  /** The labelled sets the model was trained on. */
  trainedOn: string[];
  examples: number;
  bias: number;
  threshold: number;
  unsureFrom: number;
  dense: number[];
  /** Bucket numbers and their weights, in ascending bucket order. */
  sparseBuckets: number[];
  sparseWeights: number[];
}

const round = (value: number) => Number(value.toPrecision(5));
/** Weights smaller than this change no verdict and only grow the file. */
const NEGLIGIBLE = 1e-4;

export function encodeCoachModel(model: CoachModel, trainedOn: string[], examples: number): CoachModelFile {
  const sparseBuckets: number[] = [];
  const sparseWeights: number[] = [];
  model.sparse.forEach((weight, bucket) => {
    if (Math.abs(weight) < NEGLIGIBLE) return;
    sparseBuckets.push(bucket);
    sparseWeights.push(round(weight));
  });
  return {
    version: model.version,
    trainedOn,
    examples,
    bias: round(model.bias),
    threshold: model.threshold,
    unsureFrom: round(model.unsureFrom),
    dense: [...model.dense].map(round),
    sparseBuckets,
    sparseWeights,
  };
}

export function decodeCoachModel(file: CoachModelFile): CoachModel {
  const sparse = new Float32Array(FEATURE_BUCKETS);
  file.sparseBuckets.forEach((bucket, index) => {
    sparse[bucket] = file.sparseWeights[index] as number;
  });
  return {
    version: file.version,
    bias: file.bias,
    sparse,
    dense: Float32Array.from(file.dense),
    threshold: file.threshold,
    unsureFrom: file.unsureFrom,
  };
}
