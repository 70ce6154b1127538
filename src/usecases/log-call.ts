import type { Database } from '../db/client.js';
import { insertCoachReview } from '../db/queries/coach-reviews.js';
import {
  findInteractionBySourceKey,
  insertInteraction,
  listRecentTouches,
} from '../db/queries/interactions.js';
import {
  findNextStepByInteraction,
  insertNextStep,
  supersedeScheduledNextSteps,
} from '../db/queries/next-steps.js';
import { findPersonBySlackId, type Person } from '../db/queries/people.js';
import {
  countStakeholders,
  findProspectsByName,
  findProspectWithOwner,
  insertStakeholders,
  type Prospect,
  prospectNameKey,
  updateProspect,
  upsertProspect,
} from '../db/queries/prospects.js';
import { findRevisitAfterDays } from '../db/queries/workspaces.js';
import { type CoachVerdict, judgeNextStep, type ProspectContext } from '../domain/coach/index.js';
import {
  CLOSING_OUTCOMES,
  type Outcome,
  PROFILE_FIELDS,
  type ProfileField,
  type ProspectStatus,
  UNANSWERED_OUTCOMES,
  type ValueReason,
} from '../domain/vocabulary.js';
import { nextCallTimeProblem } from './next-call-time.js';

export interface LogCallForm {
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
  nextStep: {
    id: number;
    dueAt: Date;
    agreed: boolean;
    valueReason: ValueReason | null;
    plan: string;
  } | null;
  revisitAt: Date | null;
  /** The coach's first suggestion for an accepted plan, to keep the rep sharp; null when none. */
  coachTip: string | null;
  timeZone: string;
}

export type LogCallResult =
  | { kind: 'invalid'; errors: Partial<Record<LogCallField, string>> }
  | { kind: 'saved'; confirmation: LogConfirmation }
  | { kind: 'already_saved'; confirmation: LogConfirmation };

export interface LogCallRequest {
  workspaceId: string;
  rep: Person;
  form: LogCallForm;
  /** Set when the modal was opened for a known prospect. */
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

class AlreadySaved extends Error {}

/**
 * Logs a call and its next step. A vague plan is refused (and the judgement kept, so managers see how often);
 * an accepted one stores interaction, next step, profile updates and the review in one transaction.
 */
export async function logCall(db: Database, request: LogCallRequest): Promise<LogCallResult> {
  const { workspaceId, rep, form, now } = request;
  const previous = await findInteractionBySourceKey(db, { workspaceId, sourceKey: request.sourceKey });
  if (previous) return alreadySaved(db, request, previous.id);

  const errors = scheduleErrors(form, now);
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };

  const target = await resolveProspect(db, request);
  if (target === 'forbidden') {
    return {
      kind: 'invalid',
      errors: { prospect: 'That prospect belongs to another rep. Log your own prospects.' },
    };
  }
  const context = await coachContext(db, workspaceId, target, form);
  const verdict = form.nextCallAt && form.plan ? judge(form, context) : null;
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

  try {
    const confirmation = await db.transaction(async (tx) => {
      const prospect =
        target ??
        (await upsertProspect(tx, {
          workspaceId,
          ownerId: rep.id,
          contactName: form.contactName,
          company: form.company,
        }));
      const interaction = await insertInteraction(tx, {
        workspaceId,
        prospectId: prospect.id,
        repId: rep.id,
        occurredAt: now,
        outcome: form.outcome,
        summary: form.summary,
        materialSent: form.materialSent,
        materialReviewed: form.materialSent ? false : null,
        sourceKey: request.sourceKey,
      });
      if (!interaction) throw new AlreadySaved();
      const revisitAt = await revisitDate(tx, workspaceId, form.outcome, now);
      await updateProspect(tx, {
        workspaceId,
        prospectId: prospect.id,
        changes: { ...profileChanges(form), ...statusChanges(form.outcome, revisitAt) },
      });
      await insertStakeholders(tx, { workspaceId, prospectId: prospect.id, names: form.stakeholders });
      // The logged call settles the plan it was made for, even when no new call follows (lost, won...);
      // otherwise that plan would stay due and keep nagging the rep.
      await supersedeScheduledNextSteps(tx, { workspaceId, prospectId: prospect.id });
      let nextStep: LogConfirmation['nextStep'] = null;
      if (form.nextCallAt && form.plan) {
        const step = await insertNextStep(tx, {
          workspaceId,
          prospectId: prospect.id,
          ownerId: prospect.ownerId,
          interactionId: interaction.id,
          dueAt: form.nextCallAt,
          agreed: form.agreed,
          valueReason: form.valueReason,
          valueDetail: form.valueReason ? form.plan : null,
          plan: form.plan,
          coachVerdict: verdict?.verdict ?? null,
        });
        nextStep = pickStep(step);
      }
      if (verdict) {
        await insertCoachReview(tx, {
          workspaceId,
          repId: rep.id,
          prospectId: prospect.id,
          verdict: verdict.verdict,
          plan: form.plan ?? '',
          reasons: verdict.reasons,
        });
      }
      return {
        prospect: { id: prospect.id, contactName: prospect.contactName, company: prospect.company },
        outcome: form.outcome,
        summary: form.summary,
        nextStep,
        revisitAt,
        coachTip: verdict?.suggestions[0] ?? null,
        timeZone: rep.timeZone,
      } satisfies LogConfirmation;
    });
    return { kind: 'saved', confirmation };
  } catch (error) {
    if (!(error instanceof AlreadySaved)) throw error;
    const stored = await findInteractionBySourceKey(db, { workspaceId, sourceKey: request.sourceKey });
    if (!stored) throw error;
    return alreadySaved(db, request, stored.id);
  }
}

function scheduleErrors(form: LogCallForm, now: Date): Partial<Record<LogCallField, string>> {
  const errors: Partial<Record<LogCallField, string>> = {};
  const closing = CLOSING_OUTCOMES.has(form.outcome);
  if (!form.nextCallAt) {
    if (!closing) errors.nextCallAt = `Pick when you will call ${form.contactName} next.`;
  } else {
    const problem = nextCallTimeProblem(form.nextCallAt, now);
    if (problem) errors.nextCallAt = problem;
  }
  if (!form.plan && (form.nextCallAt || !closing)) {
    errors.plan = `Say what you will bring ${form.contactName} on that call: a reason worth their time.`;
  }
  return errors;
}

/** The prospect the modal was opened for, else the rep's prospect of that name; null means a new one. */
async function resolveProspect(
  db: Database,
  request: LogCallRequest,
): Promise<Prospect | null | 'forbidden'> {
  const { workspaceId, rep, form } = request;
  const nameKey = prospectNameKey(form.contactName, form.company);
  if (request.prospectId !== null) {
    const found = await findProspectWithOwner(db, { workspaceId, prospectId: request.prospectId });
    if (found && found.prospect.nameKey === nameKey) {
      const mine = found.owner.id === rep.id || found.owner.managerId === rep.id;
      return mine ? found.prospect : 'forbidden';
    }
  }
  const matches = await findProspectsByName(db, { workspaceId, ownerId: rep.id, text: form.contactName });
  return matches.find((prospect) => prospect.nameKey === nameKey) ?? null;
}

async function coachContext(
  db: Database,
  workspaceId: string,
  prospect: Prospect | null,
  form: LogCallForm,
): Promise<ProspectContext> {
  const touches = prospect
    ? await listRecentTouches(db, { workspaceId, prospectId: prospect.id, limit: 20 })
    : [];
  const stakeholders = prospect ? await countStakeholders(db, { workspaceId, prospectId: prospect.id }) : 0;
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

function judge(form: LogCallForm, prospect: ProspectContext): CoachVerdict {
  return judgeNextStep({
    plan: form.plan ?? '',
    valueReason: form.valueReason,
    valueDetail: form.valueReason ? form.plan : null,
    agreedWithProspect: form.agreed,
    prospect,
  });
}

/** The coach's main reason and its best suggestion, as one field error under the plan. */
function refusalText(verdict: CoachVerdict): string {
  const reason = verdict.reasons[0] ?? 'This plan gives the prospect no reason to take your call.';
  const suggestion = verdict.suggestions[0];
  return suggestion ? `${reason} Try: ${suggestion}` : reason;
}

function profileChanges(form: LogCallForm) {
  return {
    ...(form.hotButton ? { hotButton: form.hotButton } : {}),
    ...(form.decisionMaker ? { decisionMaker: form.decisionMaker } : {}),
    ...(form.purchasingProcess ? { purchasingProcess: form.purchasingProcess } : {}),
    ...(form.budget ? { budget: form.budget } : {}),
  };
}

/** Closing outcomes close the deal; any other touch (a second-chance call too) makes it active again. */
function statusChanges(outcome: Outcome, revisitAt: Date | null) {
  const status = STATUS_AFTER[outcome];
  return status ? { status, revisitAt } : { status: 'active' as const, revisitAt: null };
}

/** "Not interested" and lost prospects get the method's second-chance call, months ahead. */
async function revisitDate(
  db: Database,
  workspaceId: string,
  outcome: Outcome,
  now: Date,
): Promise<Date | null> {
  if (outcome !== 'lost' && outcome !== 'not_interested') return null;
  const days = await findRevisitAfterDays(db, { workspaceId });
  return new Date(now.getTime() + days * 86_400_000);
}

function pickStep(step: {
  id: number;
  dueAt: Date;
  agreed: boolean;
  valueReason: ValueReason | null;
  plan: string;
}): NonNullable<LogConfirmation['nextStep']> {
  return {
    id: step.id,
    dueAt: step.dueAt,
    agreed: step.agreed,
    valueReason: step.valueReason,
    plan: step.plan,
  };
}

async function alreadySaved(
  db: Database,
  request: LogCallRequest,
  interactionId: number,
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
      timeZone: request.rep.timeZone,
    },
  };
}

export interface LogPrefill {
  prospect: Prospect | null;
  /** The text the rep typed after `/followup log`, used as the contact name of a new prospect. */
  typedName: string;
}

/**
 * What the log modal starts with: the rep's prospect matching the typed name (contact or company), if any.
 * Reads only the database (no chat API call), so it fits before the modal opens.
 */
export async function findLogPrefill(
  db: Database,
  params: { workspaceId: string; slackUserId: string; text: string },
): Promise<LogPrefill> {
  const typedName = params.text.trim();
  if (!typedName) return { prospect: null, typedName };
  const rep = await findPersonBySlackId(db, params);
  if (!rep) return { prospect: null, typedName };
  const [prospect] = await findProspectsByName(db, {
    workspaceId: params.workspaceId,
    ownerId: rep.id,
    text: typedName,
  });
  return { prospect: prospect ?? null, typedName };
}

/** A prospect the actor may log for (their own, or one of their team's when they manage it). */
export async function findProspectForActor(
  db: Database,
  params: { workspaceId: string; actor: Person; prospectId: number },
): Promise<Prospect | 'forbidden' | undefined> {
  const found = await findProspectWithOwner(db, params);
  if (!found) return undefined;
  const allowed = found.owner.id === params.actor.id || found.owner.managerId === params.actor.id;
  return allowed ? found.prospect : 'forbidden';
}
