export { type CoachInput, type CoachVerdict, PLAN_MAX_LENGTH, type ProspectContext } from './coach-input.js';
export { judgeNextStep } from './judge.js';
