import type { Database } from '../db/client.js';
import { listDealFacts } from '../db/queries/deal-facts.js';
import type { Person } from '../db/queries/people.js';
import { listProspectsToRevisit, type ProspectPage } from '../db/queries/prospects.js';
import { findWorkspaceSettings } from '../db/queries/workspace-settings.js';
import { listStalledDeals, type StalledDeal } from '../domain/digest/team-digest.js';
import { localDayBounds } from '../domain/scheduling/local-day.js';
import { type DueCalls, loadDueCalls } from './load-due-calls.js';

/** How far ahead the Home tab shows second-chance calls coming up. */
const REVISIT_HORIZON_DAYS = 30;

export interface HomeModel extends DueCalls {
  /** The rep's deals the stall rules flag, by the same rules and thresholds as the manager's digest. */
  stalled: { rows: StalledDeal[]; total: number };
  revisit: ProspectPage;
}

/** Everything the rep's Home tab shows; each list holds at most `limit` rows plus its full count. */
export async function loadHome(
  db: Database,
  params: { workspaceId: string; rep: Person; now: Date; limit: number },
): Promise<HomeModel> {
  const { workspaceId, rep, now, limit } = params;
  const due = await loadDueCalls(db, params);
  const { end } = localDayBounds(rep.timeZone, now);
  const until = new Date(end.getTime() + REVISIT_HORIZON_DAYS * 86_400_000);
  const settings = await findWorkspaceSettings(db, { workspaceId });
  const stalledDeals = listStalledDeals(
    await listDealFacts(db, { workspaceId, ownerIds: [rep.id] }),
    settings,
    now,
  );
  const stalled = { rows: stalledDeals.slice(0, limit), total: stalledDeals.length };
  const revisit = await listProspectsToRevisit(db, { workspaceId, ownerId: rep.id, until, limit });
  return { ...due, stalled, revisit };
}
