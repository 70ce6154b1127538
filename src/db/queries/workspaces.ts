import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { installations, people, prospects, workspaces } from '../schema.js';

/** Creates the workspace row on first contact; a no-op afterwards. */
export async function ensureWorkspace(db: Database, params: { workspaceId: string }): Promise<void> {
  await db.insert(workspaces).values({ id: params.workspaceId }).onConflictDoNothing();
}

/** The app was removed from the workspace (or its bot token revoked): the jobs stop sending there. */
export async function markWorkspaceUninstalled(
  db: Database,
  params: { workspaceId: string; at: Date },
): Promise<void> {
  await db.update(workspaces).set({ uninstalledAt: params.at }).where(eq(workspaces.id, params.workspaceId));
}

/** The workspace of a working bot token is installed, whatever an earlier uninstall recorded. */
export async function markWorkspaceInstalled(
  db: Database,
  params: {
    workspaceId: string;
    name?: string | null;
    enterpriseId?: string | null;
    botUserId?: string | null;
  },
): Promise<void> {
  const { workspaceId, ...known } = params;
  await db
    .insert(workspaces)
    .values({ id: workspaceId, ...known })
    .onConflictDoUpdate({ target: workspaces.id, set: { ...known, uninstalledAt: null } });
}

/**
 * With OAuth a workspace is installed exactly when its bot token is stored: one left from single-workspace days
 * (or from before a lost key) is marked uninstalled, so the jobs neither claim nor fail its messages until it
 * installs through OAuth. Returns the workspaces marked.
 */
export async function markWorkspacesWithoutTokenUninstalled(
  db: Database,
  params: { at: Date },
): Promise<string[]> {
  const rows = await db
    .update(workspaces)
    .set({ uninstalledAt: params.at })
    .where(
      and(
        isNull(workspaces.uninstalledAt),
        sql`not exists (select 1 from ${installations} i where i.team_id = ${workspaces.id} and i.sealed_bot_token is not null)`,
      ),
    )
    .returning({ id: workspaces.id });
  return rows.map((row) => row.id);
}

export interface WorkspaceSummary {
  id: string;
  name: string | null;
  installedAt: Date;
  uninstalledAt: Date | null;
  people: number;
  prospects: number;
}

/** Every workspace the database holds, installed or not, with how much sales data it keeps. */
export async function listWorkspaces(db: Database): Promise<WorkspaceSummary[]> {
  const rows = await db.select().from(workspaces).orderBy(asc(workspaces.id));
  const peopleCounts = await db
    .select({ workspaceId: people.workspaceId, n: count() })
    .from(people)
    .groupBy(people.workspaceId);
  const prospectCounts = await db
    .select({ workspaceId: prospects.workspaceId, n: count() })
    .from(prospects)
    .groupBy(prospects.workspaceId);
  // count(*) is a string on postgres.js and a number on PGlite.
  const countOf = (counts: { workspaceId: string; n: number }[], id: string) =>
    Number(counts.find((entry) => entry.workspaceId === id)?.n ?? 0);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    installedAt: row.installedAt,
    uninstalledAt: row.uninstalledAt,
    people: countOf(peopleCounts, row.id),
    prospects: countOf(prospectCounts, row.id),
  }));
}

export type PurgeResult = 'purged' | 'still_installed' | 'unknown';

/**
 * Deletes an uninstalled workspace and, through the foreign keys, everything it kept (people, prospects, calls,
 * deliveries, its installation record). An installed workspace is refused: its people are still using it.
 */
export async function purgeWorkspace(db: Database, params: { workspaceId: string }): Promise<PurgeResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, params.workspaceId))
      .for('update');
    if (!row) return 'unknown';
    if (!row.uninstalledAt) return 'still_installed';
    await tx.delete(workspaces).where(eq(workspaces.id, params.workspaceId));
    return 'purged';
  });
}
