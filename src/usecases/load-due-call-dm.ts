import type { Database } from '../db/client.js';
import { listScheduledNextSteps, type NextStepView } from '../db/queries/next-steps.js';
import { findPersonBySlackId, type Person } from '../db/queries/people.js';
import type { PreCallBrief } from '../domain/brief/pre-call-brief.js';
import { isAfternoon, localDayBounds } from '../domain/scheduling/local-day.js';
import { loadBriefs } from './load-briefs.js';
import { type DueCalls, loadDueCalls } from './load-due-calls.js';

/** A 50-block message holds about this many calls with their brief and buttons; the rest are counted. */
export const DUE_DM_MAX_CALLS_PER_SECTION = 7;

export interface DueCallDm {
  due: DueCalls;
  /** The pre-call brief of each listed call, by next step id. */
  briefs: Map<number, PreCallBrief>;
  /** Sent after the rep's local noon (their first day, or a run missed this morning): a catch-up, not a good morning. */
  afternoon: boolean;
}

/** The rep's morning DM as data: calls due today and overdue, each with its brief; undefined when none. */
export async function loadDueCallDm(
  db: Database,
  params: { workspaceId: string; slackUserId: string; now: Date },
): Promise<DueCallDm | undefined> {
  const rep = await findPersonBySlackId(db, params);
  if (!rep) return undefined;
  const due = await loadDueCallsInOnePass(db, {
    workspaceId: params.workspaceId,
    rep,
    now: params.now,
    limit: DUE_DM_MAX_CALLS_PER_SECTION,
  });
  if (due.overdue.total + due.today.total === 0) return undefined;
  const rows = [...due.overdue.rows, ...due.today.rows];
  return {
    due,
    briefs: await loadBriefs(db, params.workspaceId, rows),
    afternoon: isAfternoon(rep.timeZone, params.now),
  };
}

/**
 * The same lists as loadDueCalls, read in one pass when they are short (nearly always): a fan-out of thousands
 * of DMs spends its time in database round trips. Longer lists are counted section by section.
 */
async function loadDueCallsInOnePass(
  db: Database,
  params: { workspaceId: string; rep: Person; now: Date; limit: number },
): Promise<DueCalls> {
  const { rep, limit } = params;
  const { start, end, day } = localDayBounds(rep.timeZone, params.now);
  const all = await listScheduledNextSteps(db, {
    workspaceId: params.workspaceId,
    ownerIds: [rep.id],
    before: end,
    limit: 2 * limit,
  });
  if (all.total > all.rows.length) return loadDueCalls(db, params);
  const section = (rows: NextStepView[]) => ({ rows: rows.slice(0, limit), total: rows.length });
  return {
    day,
    timeZone: rep.timeZone,
    overdue: section(all.rows.filter((row) => row.step.dueAt.getTime() < start.getTime())),
    today: section(all.rows.filter((row) => row.step.dueAt.getTime() >= start.getTime())),
  };
}
