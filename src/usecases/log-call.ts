import { loadCoachReader } from '../coach-model/load-coach-reader.js';
import type { Database } from '../db/client.js';
import { insertCoachReview } from '../db/queries/coach-reviews.js';
import { findInteractionBySourceKey } from '../db/queries/interactions.js';
import { findLogPrefillFacts, type LogPrefillFacts } from '../db/queries/log-prefill.js';
import {
  findLogCallContext,
  type LoggedCallWrite,
  type LogTarget,
  type SavedNextStep,
  saveLoggedCall,
} from '../db/queries/logged-calls.js';
import { findNextStepByInteraction } from '../db/queries/next-steps.js';
import { findPersonBySlackId, type Person } from '../db/queries/people.js';
import {
  findProspectWithOwner,
  type Prospect,
  prospectNameKey,
  searchProspects,
} from '../db/queries/prospects.js';
import { type CoachVerdict, judgeNextStep, type ProspectContext } from '../domain/coach/index.js';
import { defaultNextCallTime, usualCallHour } from '../domain/scheduling/next-call-default.js';
import { nextCallTimeProblem } from '../domain/scheduling/next-call-time.js';
import { revisitDate } from '../domain/scheduling/revisit-date.js';
import {
  CLOSING_OUTCOMES,
  type Outcome,
  PROFILE_FIELDS,
  type ProfileField,
  type ProspectStatus,
  UNANSWERED_OUTCOMES,
  type ValueReason,
} from '../domain/vocabulary.js';

export interface LogCallForm {
  /** The prospect as typed, for a new one; a picked prospect (`prospectId`) keeps its own name. */
  contactName: string;
  company: string;
  outcome: Outcome;
  summary: string | null;
  hotButton: string | null;
  nextCallAt: Date | null;
  agreed: boolean;
  valueReason: ValueReason | null;
  plan: string | null;
  decisionMaker: string | null;
  purchasingProcess: string | null;
  budget: string | null;
  stakeholders: string[];
  materialSent: string | null;
}

/** Form fields a rep can be asked to fix; the Slack layer maps them to input blocks. */
export type LogCallField = 'prospect' | 'nextCallAt' | 'plan';

export interface LogConfirmation {
  prospect: { id: number; contactName: string; company: string };
  outcome: Outcome;
  summary: string | null;
  nextStep: SavedNextStep | null;
  revisitAt: Date | null;
  /** The coach's first suggestion for an accepted plan, to keep the rep sharp; null when none. */
  coachTip: string | null;
  timeZone: string;
  /** The rep's name as Slack gave it, for the calendar invite; null when it gave none. */
  repName: string | null;
}

export type LogCallResult =
  | { kind: 'invalid'; errors: Partial<Record<LogCallField, string>> }
  | { kind: 'saved'; confirmation: LogConfirmation }
  | { kind: 'already_saved'; confirmation: LogConfirmation };

export interface RepToFind {
  slackUserId: string;
  /** Creates the rep on first contact (their zone comes from the chat profile); only called when unknown. */
  ensure: () => Promise<Person>;
}

export interface LogCallRequest {
  workspaceId: string;
  /** The rep, or how to find them: read with the rest of the context, created on first contact. */
  rep: Person | RepToFind;
  form: LogCallForm;
  /** The rep's prospect the call was with; null for a new prospect named in the form. */
  prospectId: number | null;
  /** Where the log came from (the modal's view id): the same source is stored once. */
  sourceKey: string;
  now: Date;
}

const STATUS_AFTER: Partial<Record<Outcome, ProspectStatus>> = {
  won: 'won',
  lost: 'lost',
  not_interested: 'not_interested',
};

/**
 * Logs a call and its next step. A vague plan is refused (and the judgement kept, so managers see how often);
 * an accepted one stores interaction, next step, profile updates and the review in one atomic statement.
 */
export async function logCall(db: Database, request: LogCallRequest): Promise<LogCallResult> {
  const { workspaceId, form, now } = request;
  const nameKey = prospectNameKey(form.contactName, form.company);

  let repKey: { id: number } | { slackUserId: string } =
    'id' in request.rep ? { id: request.rep.id } : { slackUserId: request.rep.slackUserId };
  // A second pass follows a first contact (the rep is created), or a new prospect of the same name created
  // by a concurrent log, which makes the first save store nothing; the second pass finds it.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const context = await findLogCallContext(db, {
      workspaceId,
      rep: repKey,
      sourceKey: request.sourceKey,
      prospectId: request.prospectId,
      nameKey,
      touchLimit: RECENT_TOUCHES_FOR_COACH,
    });
    const rep = context.rep;
    if (!rep) {
      if (!('ensure' in request.rep)) throw new Error('the rep logging this call is not in the database');
      repKey = { id: (await request.rep.ensure()).id };
      continue;
    }
    if (context.previousInteractionId !== null) {
      return alreadySaved(db, request, context.previousInteractionId, rep);
    }
    const { target } = context;
    if (request.prospectId !== null && !target) {
      return { kind: 'invalid', errors: { prospect: 'That prospect is gone. Pick another, or a new one.' } };
    }
    if (target && target.ownerId !== rep.id && target.ownerManagerId !== rep.id) {
      return {
        kind: 'invalid',
        errors: { prospect: 'That prospect belongs to another rep. Log your own prospects.' },
      };
    }
    const named = target ? { ...form, contactName: target.contactName, company: target.company } : form;
    const errors = scheduleErrors(named, now);
    if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
    const { settings } = context;
    const verdict = scheduled(form)
      ? judge(named, {
          ...coachContext(target, named),
          goneDarkAfterUnanswered: settings.goneDarkAfterUnanswered,
        })
      : null;
    if (verdict?.verdict === 'vague') {
      await insertCoachReview(db, {
        workspaceId,
        repId: rep.id,
        prospectId: target?.id ?? null,
        verdict: 'vague',
        plan: form.plan ?? '',
        reasons: verdict.reasons,
      });
      return { kind: 'invalid', errors: { plan: refusalText(verdict) } };
    }
    const revisitAt = revisitDate({
      outcome: form.outcome,
      now,
      revisitAfterDays: settings.revisitAfterDays,
      zone: rep.timeZone,
    });
    const saved = await saveLoggedCall(
      db,
      loggedCallWrite(request, { repId: rep.id, nameKey, revisitAt }, target, verdict),
    );
    if (saved) {
      return {
        kind: 'saved',
        confirmation: {
          prospect: saved.prospect,
          outcome: form.outcome,
          summary: form.summary,
          nextStep: saved.nextStep,
          revisitAt,
          coachTip: verdict?.suggestions[0] ? firstSentence(verdict.suggestions[0]) : null,
          timeZone: rep.timeZone,
          repName: rep.displayName,
        },
      };
    }
  }
  throw new Error('the logged call could not be stored: its prospect kept changing');
}

/** Enough history to tell a prospect gone dark (unanswered touches in a row) and unreviewed material. */
const RECENT_TOUCHES_FOR_COACH = 20;

function loggedCallWrite(
  request: LogCallRequest,
  { repId, nameKey, revisitAt }: { repId: number; nameKey: string; revisitAt: Date | null },
  target: LogTarget | null,
  verdict: CoachVerdict | null,
): LoggedCallWrite {
  const { form } = request;
  const closingStatus = STATUS_AFTER[form.outcome];
  return {
    workspaceId: request.workspaceId,
    repId,
    prospectId: target?.id ?? null,
    contactName: form.contactName,
    company: form.company,
    nameKey,
    sourceKey: request.sourceKey,
    occurredAt: request.now,
    outcome: form.outcome,
    summary: form.summary,
    materialSent: form.materialSent,
    profile: {
      hotButton: form.hotButton,
      decisionMaker: form.decisionMaker,
      purchasingProcess: form.purchasingProcess,
      budget: form.budget,
    },
    // Closing outcomes close the deal; any other touch (a second-chance call too) makes it active again.
    status: closingStatus ?? 'active',
    revisitAt,
    stakeholders: form.stakeholders,
    // The logged call settles the plan it was made for even when no new call follows (lost, won...), so the
    // statement always supersedes the scheduled one; otherwise that plan would stay due and keep nagging.
    nextStep:
      scheduled(form) && form.nextCallAt && form.plan
        ? {
            dueAt: form.nextCallAt,
            agreed: form.agreed,
            valueReason: form.valueReason,
            plan: form.plan,
            coachVerdict: verdict?.verdict ?? null,
          }
        : null,
    review: verdict ? { verdict: verdict.verdict, reasons: verdict.reasons } : null,
  };
}

/**
 * Whether the log books a next call. The modal starts with a next call time, so a won, lost or not
 * interested deal books one only when the rep also wrote what they will bring; otherwise it goes on a
 * revisit date and the time is ignored.
 */
function scheduled(form: LogCallForm): boolean {
  return Boolean(form.nextCallAt) && (Boolean(form.plan) || !CLOSING_OUTCOMES.has(form.outcome));
}

function scheduleErrors(form: LogCallForm, now: Date): Partial<Record<LogCallField, string>> {
  const errors: Partial<Record<LogCallField, string>> = {};
  if (CLOSING_OUTCOMES.has(form.outcome) && !scheduled(form)) return errors;
  if (!form.nextCallAt) {
    errors.nextCallAt = `Pick when you will call ${form.contactName} next.`;
  } else {
    const problem = nextCallTimeProblem(form.nextCallAt, now);
    if (problem) errors.nextCallAt = problem;
  }
  if (!form.plan) {
    errors.plan = `Say what you will bring ${form.contactName} on that call: a reason worth their time.`;
  }
  return errors;
}

function coachContext(prospect: LogTarget | null, form: LogCallForm): ProspectContext {
  const touches = prospect?.recentTouches ?? [];
  const stakeholders = prospect?.stakeholderCount ?? 0;
  const outcomes = [form.outcome, ...touches.map((touch) => touch.outcome)];
  const firstAnswered = outcomes.findIndex((outcome) => !UNANSWERED_OUTCOMES.has(outcome));
  const latestMaterial = touches.find((touch) => touch.materialSent);
  const known = {
    hot_button: form.hotButton ?? prospect?.hotButton,
    decision_maker: form.decisionMaker ?? prospect?.decisionMaker,
    purchasing_process: form.purchasingProcess ?? prospect?.purchasingProcess,
    budget: form.budget ?? prospect?.budget,
  } satisfies Record<ProfileField, string | null | undefined>;
  return {
    contactName: form.contactName,
    company: form.company || null,
    hotButton: known.hot_button ?? null,
    lastOutcome: form.outcome,
    materialSentNotReviewed: Boolean(form.materialSent) || latestMaterial?.materialReviewed === false,
    stakeholderCount: stakeholders + form.stakeholders.length,
    unansweredTouchesInRow: firstAnswered === -1 ? outcomes.length : firstAnswered,
    profileGaps: PROFILE_FIELDS.filter((field) => !known[field]),
  };
}

/** The modal has one text for the plan: the category's detail is written there, and the coach reads it there. */
function judge(form: LogCallForm, prospect: ProspectContext): CoachVerdict {
  return judgeNextStep(
    {
      plan: form.plan ?? '',
      valueReason: form.valueReason,
      agreedWithProspect: form.agreed,
      prospect,
    },
    loadCoachReader(),
  );
}

/**
 * The coach's main reason and the first sentence of its best suggestion, as one field error under the plan:
 * two sentences a rep reads between calls.
 */
function refusalText(verdict: CoachVerdict): string {
  const reason = firstSentence(
    verdict.reasons[0] ?? 'This plan gives the prospect no reason to take your call.',
  );
  const suggestion = verdict.suggestions[0];
  return suggestion ? `${reason} Try: ${firstSentence(suggestion)}` : reason;
}

/** Up to the first full stop, question or exclamation mark that ends a sentence (not one inside a quote). */
export function firstSentence(text: string): string {
  const end = text.search(/[.!?](?=\s+["“A-Z0-9])/);
  return end === -1 ? text.trim() : text.slice(0, end + 1).trim();
}

function pickStep(step: SavedNextStep): SavedNextStep {
  return {
    id: step.id,
    dueAt: step.dueAt,
    agreed: step.agreed,
    valueReason: step.valueReason,
    plan: step.plan,
    timeRevision: step.timeRevision,
  };
}

async function alreadySaved(
  db: Database,
  request: LogCallRequest,
  interactionId: number,
  rep: { timeZone: string; displayName: string | null },
): Promise<LogCallResult> {
  const { workspaceId } = request;
  const stepView = await findNextStepByInteraction(db, { workspaceId, interactionId });
  const interaction = await findInteractionBySourceKey(db, { workspaceId, sourceKey: request.sourceKey });
  const prospectId = stepView?.prospect.id ?? interaction?.prospectId ?? 0;
  const found = await findProspectWithOwner(db, { workspaceId, prospectId });
  return {
    kind: 'already_saved',
    confirmation: {
      prospect: {
        id: prospectId,
        contactName: found?.prospect.contactName ?? request.form.contactName,
        company: found?.prospect.company ?? request.form.company,
      },
      outcome: interaction?.outcome ?? request.form.outcome,
      summary: interaction?.summary ?? null,
      nextStep: stepView ? pickStep(stepView.step) : null,
      revisitAt: found?.prospect.revisitAt ?? null,
      coachTip: null,
      timeZone: rep.timeZone,
      repName: rep.displayName,
    },
  };
}

export interface LogPrefill {
  /** The rep's prospect the typed name most likely means, preselected; null when none matches. */
  prospect: LogPrefillFacts['prospect'];
  /** The text the rep typed after `/followup log`, offered as a new prospect when nothing matches. */
  typedName: string;
  /** Where the next call starts: two business days ahead at the rep's usual hour; null for an unknown rep. */
  nextCallAt: Date | null;
  /** The rep is stored already; false on first contact, when the caller still has to create them. */
  repKnown: boolean;
}

/** How many of the rep's latest booked calls say what their usual hour is. */
const CALLS_FOR_USUAL_HOUR = 20;

/**
 * What the log modal starts with: the rep's prospect matching the typed name (contact or company, first
 * name or the start of a word) and the next call's default time. One database read (no chat API call), so
 * it fits before the modal opens.
 */
export async function loadLogPrefill(
  db: Database,
  params: { workspaceId: string; slackUserId: string; text: string; now: Date },
): Promise<LogPrefill> {
  const typedName = params.text.trim();
  const facts = await findLogPrefillFacts(db, {
    ...params,
    text: typedName,
    callLimit: CALLS_FOR_USUAL_HOUR,
  });
  if (!facts) return { prospect: null, typedName, nextCallAt: null, repKnown: false };
  const { rep } = facts;
  const hour = usualCallHour(facts.recentCallTimes, rep.timeZone);
  return {
    prospect: facts.prospect,
    typedName,
    nextCallAt: defaultNextCallTime(params.now, rep.timeZone, hour),
    repKnown: true,
  };
}

/** Options for the log modal's "who" typeahead: at most this many of the rep's prospects. */
export const PROSPECT_CHOICES = 10;

/** The rep's own prospects a typed name or company may mean, best first. */
export async function loadProspectChoices(
  db: Database,
  params: { workspaceId: string; slackUserId: string; text: string },
): Promise<Prospect[]> {
  const rep = await findPersonBySlackId(db, params);
  if (!rep || !params.text.trim()) return [];
  return searchProspects(db, { ...params, ownerId: rep.id, limit: PROSPECT_CHOICES });
}

/** A prospect the actor may log for (their own, or one of their team's when they manage it). */
export async function loadProspectForActor(
  db: Database,
  params: { workspaceId: string; actor: Person; prospectId: number },
): Promise<Prospect | 'forbidden' | undefined> {
  const found = await findProspectWithOwner(db, params);
  if (!found) return undefined;
  const allowed = found.owner.id === params.actor.id || found.owner.managerId === params.actor.id;
  return allowed ? found.prospect : 'forbidden';
}

/** One of the rep's own prospects, by the Slack user logging; undefined when it is not theirs or is gone. */
export async function loadOwnProspect(
  db: Database,
  params: { workspaceId: string; slackUserId: string; prospectId: number },
): Promise<Prospect | undefined> {
  const rep = await findPersonBySlackId(db, params);
  if (!rep) return undefined;
  const found = await loadProspectForActor(db, { ...params, actor: rep });
  return found === 'forbidden' ? undefined : found;
}
