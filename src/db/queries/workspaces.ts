import { eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { workspaces } from '../schema.js';

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
export async function markWorkspaceInstalled(db: Database, params: { workspaceId: string }): Promise<void> {
  await db
    .insert(workspaces)
    .values({ id: params.workspaceId })
    .onConflictDoUpdate({ target: workspaces.id, set: { uninstalledAt: null } });
}
