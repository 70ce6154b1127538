import type { Database } from '../db/client.js';
import { listScheduledNextSteps, type NextStepPage } from '../db/queries/next-steps.js';
import type { Person } from '../db/queries/people.js';
import { listTeamMemberIds } from '../db/queries/teams.js';
import { localDayBounds } from '../domain/scheduling/local-day.js';

export interface DueCalls {
  /** The rep's local day, YYYY-MM-DD. */
  day: string;
  timeZone: string;
  /** Due before the start of the rep's local day. */
  overdue: NextStepPage;
  /** Due during the rep's local day. */
  today: NextStepPage;
}

/** The rep's scheduled calls due today and overdue, by the rep's own calendar day. */
export function loadDueCalls(
  db: Database,
  params: { workspaceId: string; rep: Person; now: Date; limit: number },
): Promise<DueCalls> {
  return dueCallsOf(db, { ...params, ownerIds: [params.rep.id] });
}

/** The calls due today and overdue of the reps a manager manages, by the manager's day; undefined: no team. */
export async function loadTeamDueCalls(
  db: Database,
  params: { workspaceId: string; manager: Person; now: Date; limit: number },
): Promise<DueCalls | undefined> {
  const { workspaceId, manager } = params;
  const ownerIds = await listTeamMemberIds(db, { workspaceId, managerId: manager.id });
  if (ownerIds.length === 0) return undefined;
  return dueCallsOf(db, { ...params, rep: manager, ownerIds });
}

async function dueCallsOf(
  db: Database,
  params: {
    workspaceId: string;
    rep: Person;
    ownerIds: number[];
    now: Date;
    limit: number;
  },
): Promise<DueCalls> {
  const { workspaceId, rep, ownerIds, now, limit } = params;
  const { start, end, day } = localDayBounds(rep.timeZone, now);
  const overdue = await listScheduledNextSteps(db, { workspaceId, ownerIds, before: start, limit });
  const today = await listScheduledNextSteps(db, {
    workspaceId,
    ownerIds,
    before: end,
    notBefore: start,
    limit,
  });
  return { day, timeZone: rep.timeZone, overdue, today };
}
