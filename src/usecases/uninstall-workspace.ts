import type { Database } from '../db/client.js';
import { deleteBotToken } from '../db/queries/installations.js';
import { markWorkspaceUninstalled } from '../db/queries/workspaces.js';

/**
 * The app was removed from the workspace (or its bot token revoked): the stored token is deleted and from now on
 * the jobs send nothing there. Its sales data stays until an operator purges it (`followup workspaces purge`),
 * so a reinstall finds it all.
 */
export async function uninstallWorkspace(
  db: Database,
  params: { workspaceId: string; at: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteBotToken(tx, { teamId: params.workspaceId, at: params.at });
    await markWorkspaceUninstalled(tx, params);
  });
}
