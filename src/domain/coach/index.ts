export {
  type CoachInput,
  type CoachVerdict,
  PLAN_MAX_LENGTH,
  type ProspectContext,
} from './coach-input.js';
export type { WordVectors } from './features.js';
export { type CoachEvidence, type CoachReader, explainNextStep, judgeNextStep } from './judge.js';
export type { CoachModel } from './model.js';
