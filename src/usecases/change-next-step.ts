import { DateTime } from 'luxon';
import type { Database } from '../db/client.js';
import { findNextStepView, type NextStepView, updateScheduledNextStep } from '../db/queries/next-steps.js';
import type { Person } from '../db/queries/people.js';
import { nextCallTimeProblem } from '../domain/scheduling/next-call-time.js';

export type { NextStepView };

export type NextStepAccess =
  | { kind: 'ok'; view: NextStepView }
  | { kind: 'missing' }
  | { kind: 'forbidden' }
  /** Done, superseded or cancelled already: nothing left to change. */
  | { kind: 'closed'; view: NextStepView };

/** A rep may act on their own next steps; a manager on those of the reps they manage. */
export async function loadNextStepForActor(
  db: Database,
  params: { workspaceId: string; actor: Person; nextStepId: number },
): Promise<NextStepAccess> {
  const view = await findNextStepView(db, params);
  if (!view) return { kind: 'missing' };
  const allowed = view.owner.id === params.actor.id || view.owner.managerId === params.actor.id;
  if (!allowed) return { kind: 'forbidden' };
  return view.step.status === 'scheduled' ? { kind: 'ok', view } : { kind: 'closed', view };
}

export type NextStepChange =
  /** The step as changed. */
  | { kind: 'changed'; view: NextStepView; dueAt: Date }
  | { kind: 'invalid'; error: string }
  | Exclude<NextStepAccess, { kind: 'ok' }>;

export interface ChangeRequest {
  workspaceId: string;
  actor: Person;
  nextStepId: number;
  now: Date;
}

export async function rescheduleNextStep(
  db: Database,
  request: ChangeRequest & { dueAt: Date; agreed: boolean },
): Promise<NextStepChange> {
  const problem = nextCallTimeProblem(request.dueAt, request.now);
  if (problem) return { kind: 'invalid', error: problem };
  return change(db, request, () => ({ dueAt: request.dueAt, agreed: request.agreed }));
}

export type SnoozeBy = { days: number } | { date: string };

/**
 * Moves the call to a later day at the same local time. "1 day" from an overdue call means tomorrow, not the day
 * after the missed date, so the base is the later of the due day and today.
 */
export async function snoozeNextStep(
  db: Database,
  request: ChangeRequest & { by: SnoozeBy },
): Promise<NextStepChange> {
  return change(db, request, (view) => {
    const dueAt = snoozedTime(view.step.dueAt, view.owner.timeZone, request.now, request.by);
    const problem = nextCallTimeProblem(dueAt, request.now);
    // A new time is not agreed with the prospect until the rep says so again (Reschedule's checkbox).
    return problem ? { problem } : { dueAt, agreed: false, snoozeCount: view.step.snoozeCount + 1 };
  });
}

export async function completeNextStep(db: Database, request: ChangeRequest): Promise<NextStepChange> {
  return change(db, request, () => ({ status: 'done' as const, completedAt: request.now }));
}

export function snoozedTime(dueAt: Date, zone: string, now: Date, by: SnoozeBy): Date {
  const due = DateTime.fromJSDate(dueAt, { zone });
  const time = { hour: due.hour, minute: due.minute, second: 0, millisecond: 0 };
  if ('date' in by) return DateTime.fromISO(by.date, { zone }).set(time).toJSDate();
  const today = DateTime.fromJSDate(now, { zone }).set(time);
  const base = DateTime.max(due, today);
  return base.plus({ days: by.days }).toJSDate();
}

type Changes = Parameters<typeof updateScheduledNextStep>[1]['changes'];

async function change(
  db: Database,
  request: ChangeRequest,
  changesFor: (view: NextStepView) => Changes | { problem: string },
): Promise<NextStepChange> {
  const access = await loadNextStepForActor(db, request);
  if (access.kind !== 'ok') return access;
  const changes = changesFor(access.view);
  if ('problem' in changes) return { kind: 'invalid', error: changes.problem };
  const updated = await updateScheduledNextStep(db, {
    workspaceId: request.workspaceId,
    nextStepId: request.nextStepId,
    changes,
  });
  if (!updated) return { kind: 'closed', view: access.view };
  return { kind: 'changed', view: { ...access.view, step: updated }, dueAt: updated.dueAt };
}
