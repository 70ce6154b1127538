/**
 * The coach's verdict on a next step: the method's hard lines first (a bare cliché or pressure to sign is
 * vague; a pressure-releasing note to a prospect gone dark is value), then the learned model, which reads
 * the plan's wording and meaning (features.ts, model.ts). The reasons are short and say what is missing.
 */
import { GONE_DARK_AFTER_UNANSWERED, hasGoneDark } from '../settings.js';
import { type CoachInput, type CoachVerdict, PLAN_MAX_LENGTH } from './coach-input.js';
import { bigramBucket, type PlanFeatures, planFeatures, type WordVectors, wordBucket } from './features.js';
import { type CoachModel, valueProbability } from './model.js';
import { type NormalisedPlan, normalisePlan } from './normalise.js';
import { findRuleHits, isBareCliche, type RuleHit } from './rules/match.js';
import { suggestNextSteps } from './suggestions.js';

/** The model and the word vectors it reads, loaded once at start. */
export interface CoachReader {
  model: CoachModel;
  vectors: WordVectors;
}

const identity = (token: string) => token;
const HOT_BUTTON_WORD = 4;

function wordsOf(text: string | null | undefined): string[] {
  return text ? normalisePlan(text, identity).tokens.filter((token) => token !== '.') : [];
}

function planText(input: CoachInput): string {
  return (input.plan ?? '').trim();
}

function goneDark(input: CoachInput): boolean {
  const prospect = input.prospect;
  return hasGoneDark(
    prospect?.unansweredTouchesInRow,
    prospect?.goneDarkAfterUnanswered ?? GONE_DARK_AFTER_UNANSWERED.default,
  );
}

/** Whether the plan speaks to the prospect's hot button: one of its longer words appears in the plan. */
function mentionsHotButton(tokens: readonly string[], hotButton: string | null | undefined): boolean {
  const words = wordsOf(hotButton).filter((word) => word.length >= HOT_BUTTON_WORD);
  return words.some((word) =>
    tokens.some((token) => token.startsWith(word.slice(0, Math.max(HOT_BUTTON_WORD, word.length - 2)))),
  );
}

/** A plan as the coach reads it, once: its text, canonical tokens, rule hits and the prospect's situation. */
interface PlanReading {
  text: string;
  normalised: NormalisedPlan;
  hits: RuleHit[];
  goneDark: boolean;
}

function readPlan(input: CoachInput): PlanReading {
  const text = planText(input);
  const normalised = normalisePlan(text, identity);
  return { text, normalised, hits: findRuleHits(normalised.tokens), goneDark: goneDark(input) };
}

/**
 * The features the model reads of this plan in this prospect's situation. For a prospect who has not gone
 * dark, pressure-releasing words give nothing (the method's label decision), so the model does not read them:
 * the plan is judged on what else it brings.
 */
function featuresOfReading(reading: PlanReading, input: CoachInput, vectors: WordVectors): PlanFeatures {
  const { text, normalised, goneDark: dark } = reading;
  return planFeatures(
    text,
    dark ? normalised : withoutRelease(normalised, reading.hits),
    { goneDark: dark, hotButtonMentioned: mentionsHotButton(normalised.tokens, input.prospect?.hotButton) },
    vectors,
  );
}

/** The features the model reads of this plan; training reads plans the same way. */
export function featuresOf(input: CoachInput, vectors: WordVectors): PlanFeatures {
  return featuresOfReading(readPlan(input), input, vectors);
}

function withoutRelease(normalised: NormalisedPlan, hits: readonly RuleHit[]): NormalisedPlan {
  const released = new Set<number>();
  for (const hit of hits) {
    if (hit.rule.kind !== 'release') continue;
    for (let i = hit.start; i < hit.end; i++) released.add(i);
  }
  if (released.size === 0) return normalised;
  const tokens = normalised.tokens.filter((_, index) => !released.has(index));
  return { tokens, text: tokens.join(' ') };
}

type Decision =
  | { by: 'empty' | 'too_long' }
  | { by: 'rule'; value: boolean; hit: RuleHit }
  | { by: 'model'; value: boolean; probability: number; unsure: boolean; features: PlanFeatures };

function decide(input: CoachInput, reading: PlanReading, reader: CoachReader): Decision {
  if ((input.plan ?? '').trim() === '') return { by: 'empty' };
  if (reading.text.length > PLAN_MAX_LENGTH) return { by: 'too_long' };
  const { hits } = reading;
  const pressure = hits.find((hit) => hit.rule.kind === 'pressure');
  if (pressure) return { by: 'rule', value: false, hit: pressure };
  const contact = new Set(wordsOf(`${input.prospect?.contactName ?? ''} ${input.prospect?.company ?? ''}`));
  const [cliche] = hits.filter((hit) => hit.rule.kind === 'cliche');
  if (cliche && isBareCliche(reading.normalised.tokens, hits, contact))
    return { by: 'rule', value: false, hit: cliche };
  // An apology next to "are you still interested?" is still a re-ask, not a released pressure.
  const release = hits.find((hit) => hit.rule.kind === 'release');
  const reasks = hits.some((hit) => hit.rule.id === 'status-ask');
  if (release && !reasks && reading.goneDark) return { by: 'rule', value: true, hit: release };
  const { model } = reader;
  const features = featuresOfReading(reading, input, reader.vectors);
  const probability = valueProbability(model, features);
  const value = probability >= model.threshold;
  return { by: 'model', value, probability, unsure: !value && probability >= model.unsureFrom, features };
}

const isValue = (decision: Decision) =>
  decision.by === 'rule' || decision.by === 'model' ? decision.value : false;

function nameOf(input: CoachInput): string {
  return input.prospect?.contactName?.trim().split(/\s+/)[0] || input.prospect?.company?.trim() || 'them';
}

function reasonsFor(decision: Decision, input: CoachInput): string[] {
  switch (decision.by) {
    case 'empty':
      return ['Write what you will bring them on the next call: the reason that makes it worth their time.'];
    case 'too_long':
      return [`The plan is over ${PLAN_MAX_LENGTH} characters: keep it to what you bring them and when.`];
    case 'rule':
      return [decision.hit.rule.why];
    case 'model':
      if (decision.value) return [`Brings ${nameOf(input)} a reason to take the call.`];
      if (decision.unsure) return ['Almost: say exactly what it is (which report, what number, what date).'];
      return [`Nothing in it for ${nameOf(input)} yet: say what you will bring them.`];
  }
}

/**
 * Judges a rep's next step before it is saved: `value` when the plan brings the prospect a concrete reason
 * to take the call, `vague` otherwise, with a short reason and suggestions fitted to the prospect.
 */
export function judgeNextStep(input: CoachInput, reader: CoachReader): CoachVerdict {
  const reading = readPlan(input);
  const decision = decide(input, reading, reader);
  const verdict = isValue(decision) ? 'value' : 'vague';
  const tokens = reading.normalised.tokens.filter((token) => token !== '.');
  return {
    verdict,
    unsure: decision.by === 'model' && decision.unsure,
    reasons: reasonsFor(decision, input),
    suggestions: suggestNextSteps({
      input,
      verdict,
      tokens,
      goneDark: reading.goneDark,
      hotButtonMentioned: mentionsHotButton(tokens, input.prospect?.hotButton),
    }),
  };
}

export interface CoachEvidence {
  verdict: 'value' | 'vague';
  decidedBy: 'empty plan' | 'length limit' | 'rule' | 'model';
  rule?: string;
  probability?: number;
  threshold: number;
  /** The plan's words and word pairs that weigh most, with their weight toward value (negative: toward vague). */
  words: Array<{ words: string; weight: number }>;
  /** The weight of the plan's meaning (its word vectors) toward value. */
  meaning: number;
  goneDark: boolean;
  modelVersion: string;
}

const EVIDENCE_WORDS = 8;

/** What decided the verdict, for `followup coach --explain`. */
export function explainNextStep(input: CoachInput, reader: CoachReader): CoachEvidence {
  const reading = readPlan(input);
  const decision = decide(input, reading, reader);
  const features =
    decision.by === 'model' ? decision.features : featuresOfReading(reading, input, reader.vectors);
  const { model } = reader;
  const { tokens } = reading.normalised;
  const weighed = new Map<string, number>();
  tokens.forEach((token, index) => {
    if (token === '.') return;
    weighed.set(token, (model.sparse[wordBucket(token)] as number) * features.sparseValue);
    const next = tokens[index + 1];
    if (next && next !== '.')
      weighed.set(
        `${token} ${next}`,
        (model.sparse[bigramBucket(token, next)] as number) * features.sparseValue,
      );
  });
  let meaning = 0;
  features.dense.forEach((value, d) => {
    meaning += value * (model.dense[d] as number);
  });
  const words = [...weighed]
    .map(([text, weight]) => ({ words: text, weight: Math.round(weight * 100) / 100 }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, EVIDENCE_WORDS);
  return {
    verdict: isValue(decision) ? 'value' : 'vague',
    decidedBy:
      decision.by === 'empty' ? 'empty plan' : decision.by === 'too_long' ? 'length limit' : decision.by,
    ...(decision.by === 'rule' ? { rule: decision.hit.rule.id } : {}),
    ...(decision.by === 'model' ? { probability: Math.round(decision.probability * 1000) / 1000 } : {}),
    threshold: model.threshold,
    words,
    meaning: Math.round(meaning * 100) / 100,
    goneDark: reading.goneDark,
    modelVersion: model.version,
  };
}
