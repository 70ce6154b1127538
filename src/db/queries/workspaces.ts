import { eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { workspaceSettings, workspaces } from '../schema.js';

/** The method's second-chance call comes about a year later unless the workspace says otherwise. */
export const DEFAULT_REVISIT_AFTER_DAYS = 365;

/** Creates the workspace row on first contact; a no-op afterwards. */
export async function ensureWorkspace(db: Database, params: { workspaceId: string }): Promise<void> {
  await db.insert(workspaces).values({ id: params.workspaceId }).onConflictDoNothing();
}

export async function findRevisitAfterDays(db: Database, params: { workspaceId: string }): Promise<number> {
  const [row] = await db
    .select({ days: workspaceSettings.revisitAfterDays })
    .from(workspaceSettings)
    .where(eq(workspaceSettings.workspaceId, params.workspaceId));
  return row?.days ?? DEFAULT_REVISIT_AFTER_DAYS;
}
