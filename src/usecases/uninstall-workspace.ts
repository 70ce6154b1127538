import type { Database } from '../db/client.js';
import { markWorkspaceUninstalled } from '../db/queries/workspaces.js';

/** The app was removed from the workspace (or its bot token revoked): from now on the jobs send nothing there. */
export function uninstallWorkspace(db: Database, params: { workspaceId: string; at: Date }): Promise<void> {
  return markWorkspaceUninstalled(db, params);
}
