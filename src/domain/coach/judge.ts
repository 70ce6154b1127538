import { VALUE_REASON_LABELS } from '../vocabulary.js';
import { CLICHE_KEYWORDS, type ClicheFamily, type ClicheHit, findCliches } from './cliches.js';
import { type CoachInput, type CoachVerdict, PLAN_MAX_LENGTH, type ProspectContext } from './coach-input.js';
import { type ConcreteDetails, findConcreteDetails } from './details.js';
import { type NormalisedPlan, normalisePlan } from './normalise.js';
import { readSpecificity, type Specificity } from './specificity.js';
import { GONE_DARK_AFTER, suggestNextSteps } from './suggestions.js';
import { createTypoCorrector } from './typo-tolerance.js';
import {
  findValueSignals,
  VALUE_CORRECTION_TARGETS,
  VALUE_KEYWORDS,
  VALUE_SIGNAL_LABELS,
  type ValueSignal,
} from './value-signals.js';

const CLICHE_NAME_WORDS: ReadonlySet<string> = new Set([...CLICHE_KEYWORDS, 'sync', 'checkin']);
const correctTypo = createTypoCorrector([...CLICHE_KEYWORDS, ...VALUE_CORRECTION_TARGETS], VALUE_KEYWORDS);

/** Value kinds that can serve as levers on the prospect: our price rise, our deadline, our discount. */
const PRESSURE_LEVERS: ReadonlySet<ValueSignal['kind']> = new Set([
  'deadline',
  'price_drop',
  'special_offer',
]);

/** A plan is valuable from this score up (see `scorePlan`). */
export const VALUE_THRESHOLD = 2;

const EMPTY_REASON =
  'Write what you will bring to the prospect on the next call: the reason that makes it worth their time.';

const CLICHE_REASONS: Record<ClicheFamily, (phrase: string) => string> = {
  check_in: (p) => `"${p}" is a check-in: it asks for their time and gives them no reason to take the call.`,
  circle_back: (p) => `"${p}" circles back without bringing anything new for the prospect.`,
  follow_up: (p) => `"${p}" is a follow-up with no reason attached: why would they pick up?`,
  status_update: (p) => `"${p}" asks where the deal stands: that serves you, not the prospect.`,
  decision_pressure: (p) =>
    `"${p}" presses them to decide and gives nothing back; pressure makes prospects pull away.`,
  callback_requested: (p) =>
    `"${p}" leans on their "call me later": what will have changed for them by then?`,
  material_check: (p) =>
    `"${p}" leaves the material to sell on its own: offer to go through it together instead.`,
  empty_value: (p) => `"${p}" promises value without saying what it is.`,
  vague_timing: (p) => `"${p}" says when, not why the prospect should take the call.`,
  pressure: (p) => `"${p}" puts pressure on them; pressure makes prospects pull away.`,
};

const NO_VALUE_REASON =
  'Nothing in it for the prospect: no news, offer, deadline, material to go through together or person to bring in.';

/**
 * The score of a plan: its strongest value signal (strong 2, weak 1), half a point when a second kind of
 * value backs it (a whole point for a third), and its concrete details (hard 1, soft 0.5; named things
 * and changes on their side count as hard). Details never count without a signal, so a
 * dated check-in stays vague, and a category picked from the list counts only when its detail is written.
 */
function scorePlan(
  signals: readonly ValueSignal[],
  details: ConcreteDetails,
  specificity: Specificity,
): number {
  if (signals.length === 0) return 0;
  const best = signals.some((signal) => signal.strength === 'strong') ? 2 : 1;
  const kinds = new Set(signals.map((signal) => signal.kind));
  // Independent kinds of evidence corroborate each other: three weak ones read as one concrete reason.
  const backing = kinds.size >= 3 ? 1 : kinds.size >= 2 ? 0.5 : 0;
  // A named rule, body or publication, or a change on their side, is as hard a detail as an amount.
  const hard = details.hard.length + specificity.entities.length + specificity.strongFacts.length;
  const detail = hard > 0 ? 1 : details.soft.length > 0 ? 0.5 : 0;
  return best + backing + detail;
}

/**
 * Asking whether they are still interested, or where things stand, puts the pressure back on: the seeds'
 * competitors asked "was this deal still alive?" while apologising. An empathetic phrase next to it is no
 * pressure-releasing message. ("When you are ready to move forward" is not pressure: it waits for them.)
 */
function presses(hit: ClicheHit): boolean {
  return (
    hit.family === 'status_update' ||
    hit.family === 'pressure' ||
    (hit.family === 'decision_pressure' && /^still /.test(hit.text))
  );
}

/**
 * Asking them again for what they owe (a decision, a read, a reply, where things stand) is a re-ask however
 * it is softened: the seeds' competitors apologised while asking "was this deal still alive?". Waiting for
 * them ("when you are ready to move forward") is not a re-ask.
 */
function reasks(hit: ClicheHit): boolean {
  switch (hit.family) {
    case 'status_update':
    case 'material_check':
      return true;
    case 'decision_pressure':
      return !/^(?:ready|able|prepared|willing) /.test(hit.text);
    case 'follow_up':
      return /remind|again|hear|hearing/.test(hit.text);
    default:
      return presses(hit);
  }
}

/**
 * The prospect's situation changes what a plan is worth where the method says so:
 * - a prospect gone dark needs the pressure released, so one pressure-releasing line is the plan (elsewhere
 *   it takes two to read as the empathetic message rather than politeness);
 * - a deal that hangs on one contact needs another person, so reaching out to someone named other than the
 *   contact is bringing in a stakeholder (elsewhere "reach out to Nadia" may be the contact herself);
 * - an empathetic phrase or an apology next to a re-ask is no pressure-releasing message: it is still a re-ask.
 */
function weighInContext(
  signals: readonly ValueSignal[],
  prospect: ProspectContext | undefined,
  reasking: boolean,
): ValueSignal[] {
  const goneDark = (prospect?.unansweredTouchesInRow ?? 0) >= GONE_DARK_AFTER;
  const singleThreaded =
    prospect?.stakeholderCount !== undefined &&
    prospect.stakeholderCount <= 1 &&
    Boolean(prospect.contactName?.trim());
  const weighed: ValueSignal[] = [];
  for (const signal of signals) {
    if (signal.kind === 'empathy') {
      if (reasking) continue;
      if (goneDark) {
        weighed.push({ ...signal, strength: 'strong' });
        continue;
      }
    }
    if (signal.kind === 'stakeholder' && singleThreaded) {
      weighed.push({ ...signal, strength: 'strong' });
      continue;
    }
    weighed.push(signal);
  }
  return weighed;
}

/** The detail written under a picked category is enough when it names something concrete or valuable. */
function describesValue(detailText: string): boolean {
  const normalised = normalisePlan(detailText, correctTypo);
  const details = findConcreteDetails(detailText, normalised.tokens, null);
  return (
    details.hard.length + details.soft.length > 0 ||
    findValueSignals(normalised.text, details.names).length > 0
  );
}

function quote(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function vagueReasons(
  input: CoachInput,
  signals: readonly ValueSignal[],
  cliches: readonly ClicheHit[],
): string[] {
  const reasons: string[] = [];
  if (input.valueReason && !input.valueDetail?.trim()) {
    reasons.push(
      `"${VALUE_REASON_LABELS[input.valueReason]}" is picked, but the plan does not say what it is for this prospect; a category alone is not a reason.`,
    );
  }
  const weak = signals.find((signal) => signal.kind !== 'empathy');
  if (weak) {
    reasons.push(
      `"${quote(weak.text)}" points at ${VALUE_SIGNAL_LABELS[weak.kind]}, but gives no concrete detail the prospect would care about.`,
    );
  }
  const seen = new Set<ClicheFamily>();
  for (const hit of cliches) {
    if (seen.has(hit.family) || (hit.family === 'vague_timing' && cliches.length > 1)) continue;
    seen.add(hit.family);
    reasons.push(CLICHE_REASONS[hit.family](quote(hit.text)));
  }
  if (!weak) reasons.push(NO_VALUE_REASON);
  return reasons.slice(0, 4);
}

/** A generic object or hollow words say what is missing: which one, and what changes for them. */
function genericReasons(specificity: Specificity): string[] {
  const generic = specificity.genericObject;
  if (generic)
    return [
      `"${quote(generic)}" is generic: say which one, and what changes for them (a date, an amount, a name).`,
    ];
  const [hollow] = specificity.hollow;
  return hollow
    ? [
        `"${quote(hollow)}" sounds like value but names nothing they can check: say what it is, and what changes for them.`,
      ]
    : [];
}

/** A plan accepted on a change on their side or a need they stated, with no value words, says which. */
function specificityReasons(specificity: Specificity, signals: readonly ValueSignal[]): string[] {
  if (signals.length > 0) return [];
  const [fact] = specificity.facts;
  if (fact) return [`Brings ${VALUE_SIGNAL_LABELS.prospect_change}: "${quote(fact)}".`];
  const need = specificity.answeredNeed;
  return need ? [`Answers what they told you: "${quote(need)}".`] : [];
}

function valueReasons(signals: readonly ValueSignal[], details: ConcreteDetails): string[] {
  const strongest = [...signals].sort((a, b) =>
    a.strength === b.strength ? 0 : a.strength === 'strong' ? -1 : 1,
  );
  const reasons: string[] = [];
  const seen = new Set<string>();
  for (const signal of strongest) {
    if (seen.has(signal.kind)) continue;
    seen.add(signal.kind);
    reasons.push(`Brings ${VALUE_SIGNAL_LABELS[signal.kind]}: "${quote(signal.text)}".`);
    if (reasons.length === 2) break;
  }
  const concrete = [...new Set([...details.hard, ...details.soft])].slice(0, 3);
  if (concrete.length > 0)
    reasons.push(`Concrete: ${concrete.map((item) => `"${quote(item, 40)}"`).join(', ')}.`);
  return reasons;
}

/** What the rules read in a plan: the features the verdict is decided from and the reasons are written from. */
export interface PlanReading {
  normalised: NormalisedPlan;
  details: ConcreteDetails;
  cliches: ClicheHit[];
  /** Value signals weighed in the prospect's situation. */
  signals: ValueSignal[];
  specificity: Specificity;
  /** The rules' score: valuable from VALUE_THRESHOLD up. */
  score: number;
}

/** Checkable facts in a plan: amounts and codes (the hot button alone is the topic), named things, changes. */
function checkableFacts(
  details: ConcreteDetails,
  specificity: Specificity,
  hotButton: string | undefined,
): number {
  const hard = details.hard.filter((item) => item !== hotButton).length;
  return hard + specificity.entities.length + specificity.facts.length;
}

/**
 * Specificity weighs the score both ways. Held under the threshold: a value word with a generic object
 * ("new options", "the new regulation") or hollow words (jargon, hedges, ourselves) and nothing checkable,
 * and our price, deadline or discount used to press them. Lifted to it, unless the plan presses them: a
 * change on their side anchored twice (a date and something of theirs, a named rule and an amount), a need
 * they stated answered by something of ours, or two particulars with no cliché, in words the rules do not
 * know.
 */
function weighSpecificity(
  score: number,
  reading: Pick<PlanReading, 'details' | 'specificity' | 'cliches' | 'signals'>,
  hotButton: string | undefined,
): number {
  const { specificity } = reading;
  const checkable = checkableFacts(reading.details, specificity, hotButton);
  if (specificity.genericObject && checkable === 0) return Math.min(score, VALUE_THRESHOLD - 0.5);
  // Their hot button anchors hollow words ("could cut the overtime Ana hates"), not a generic object.
  const hollow = specificity.hollow.length > 0 || reading.cliches.some((hit) => hit.family === 'empty_value');
  if (hollow && checkable === 0 && !reading.details.hotButtonMentioned)
    return Math.min(score, VALUE_THRESHOLD - 0.5);
  const pressing = reading.cliches.some(presses);
  // A question that presses them, carried only by topics, is a status question however it is worded; and a
  // price rise, a deadline or a discount used to press them is our lever, not their reason, unless it is
  // backed by something of theirs: a change on their side or their hot button (our amount is still ours).
  if (
    pressing &&
    !reading.signals.some(
      (signal) =>
        signal.strength === 'strong' &&
        (!PRESSURE_LEVERS.has(signal.kind) ||
          specificity.facts.length > 0 ||
          reading.details.hotButtonMentioned),
    )
  )
    return Math.min(score, VALUE_THRESHOLD - 0.5);
  if (score >= VALUE_THRESHOLD || pressing) return score;
  // A plan dense with particulars and free of clichés ("tabs 2 and 3 of the payback calc", "the QCH-20 gets
  // that under 10 min") is specific to this prospect even in words the value rules do not know.
  const dense = checkable >= 2 && reading.cliches.length === 0;
  if (
    specificity.strongFacts.length > 0 ||
    (specificity.facts.length > 0 && checkable >= 2) ||
    specificity.answeredNeed ||
    dense
  )
    return VALUE_THRESHOLD;
  return score;
}

/** Reads a plan (already trimmed and within the limit) with the hand-written rules. */
export function readPlan(input: CoachInput, plan: string): PlanReading {
  const detailText = input.valueDetail?.trim() ?? '';
  const text = detailText ? `${plan}\n${detailText}` : plan;
  const normalised = normalisePlan(text, correctTypo);
  const details = findConcreteDetails(text, normalised.tokens, input.prospect?.hotButton);
  const contact = input.prospect?.contactName?.trim().split(/\s+/)[0]?.toLowerCase();
  if (contact) details.names.delete(contact);
  // A capitalised cliché is a meeting title ('Catch up', 'Sync'), not a person to bring in.
  for (const name of details.names)
    if (CLICHE_NAME_WORDS.has(name.split('-')[0] ?? name)) details.names.delete(name);
  const signals = findValueSignals(normalised.text, details.names);
  if (input.valueReason && detailText && describesValue(detailText)) {
    signals.push({
      kind: 'stated_reason',
      strength: 'strong',
      text: detailText,
      index: normalised.text.length,
    });
  }
  const cliches = findCliches(normalised.text);
  const weighed = weighInContext(signals, input.prospect, cliches.some(reasks));
  const specificity = readSpecificity(text, normalised.text, details.names, contact);
  const hotButton = input.prospect?.hotButton ?? undefined;
  const score = weighSpecificity(
    scorePlan(weighed, details, specificity),
    { details, specificity, cliches, signals: weighed },
    hotButton,
  );
  return { normalised, details, cliches, signals: weighed, specificity, score };
}

/**
 * Judges a rep's next step before it is saved: `value` when the plan brings the prospect a concrete reason
 * to take the call, `vague` otherwise, with reasons and suggestions fitted to the prospect.
 *
 * Rules a sales manager would expect:
 * - An empty plan is vague, and so is one over PLAN_MAX_LENGTH characters (the limit is named).
 * - Clichés ("just checking in", "circling back", "any update?", "have you made up your mind") never make a
 *   plan valuable, however they are dressed up; but a plan that opens with one and then brings a concrete,
 *   prospect-specific reason is accepted (with a suggestion to lead with the reason).
 * - A category picked from the list counts only with its detail written down.
 * - A time not agreed with the prospect does not make a valuable plan vague (the value is what earns the
 *   call, and the rep may not have reached them yet), but the coach asks to schedule the call with them.
 */
export function judgeNextStep(input: CoachInput): CoachVerdict {
  const plan = (input.plan ?? '').trim();
  if (plan === '') {
    return {
      verdict: 'vague',
      reasons: [EMPTY_REASON],
      suggestions: suggestNextSteps({
        input,
        verdict: 'vague',
        signals: [],
        cliches: [],
        hotButtonMentioned: false,
      }),
    };
  }
  if (plan.length > PLAN_MAX_LENGTH) {
    return {
      verdict: 'vague',
      reasons: [
        `The plan is ${plan.length} characters; the limit is ${PLAN_MAX_LENGTH}. Keep it to what you bring the prospect and when.`,
      ],
      suggestions: suggestNextSteps({
        input,
        verdict: 'vague',
        signals: [],
        cliches: [],
        hotButtonMentioned: false,
      }),
    };
  }

  const { details, cliches, signals: weighed, specificity, score } = readPlan(input, plan);
  const verdict = score >= VALUE_THRESHOLD ? 'value' : 'vague';
  const reasons =
    verdict === 'value'
      ? [...specificityReasons(specificity, weighed), ...valueReasons(weighed, details)].slice(0, 4)
      : [...genericReasons(specificity), ...vagueReasons(input, weighed, cliches)].slice(0, 4);
  const suggestions = suggestNextSteps({
    input,
    verdict,
    signals: weighed,
    cliches,
    hotButtonMentioned: details.hotButtonMentioned,
  });
  return { verdict, reasons, suggestions };
}
