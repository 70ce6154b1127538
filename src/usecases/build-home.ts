import type { Database } from '../db/client.js';
import type { Person } from '../db/queries/people.js';
import {
  listProspectsToRevisit,
  listProspectsWithoutNextStep,
  type ProspectPage,
} from '../db/queries/prospects.js';
import { localDayBounds } from '../domain/scheduling/local-day.js';
import { type DueCalls, listDueCalls } from './list-due-calls.js';

/** How far ahead the Home tab shows second-chance calls coming up. */
const REVISIT_HORIZON_DAYS = 30;

export interface HomeModel extends DueCalls {
  /** Active deals with nothing scheduled: they stall unless the rep plans a call. */
  stalled: ProspectPage;
  revisit: ProspectPage;
}

/** Everything the rep's Home tab shows; each list holds at most `limit` rows plus its full count. */
export async function buildHome(
  db: Database,
  params: { workspaceId: string; rep: Person; now: Date; limit: number },
): Promise<HomeModel> {
  const { workspaceId, rep, now, limit } = params;
  const due = await listDueCalls(db, params);
  const { end } = localDayBounds(rep.timeZone, now);
  const until = new Date(end.getTime() + REVISIT_HORIZON_DAYS * 86_400_000);
  const stalled = await listProspectsWithoutNextStep(db, { workspaceId, ownerId: rep.id, limit });
  const revisit = await listProspectsToRevisit(db, { workspaceId, ownerId: rep.id, until, limit });
  return { ...due, stalled, revisit };
}
