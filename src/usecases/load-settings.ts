import type { Database } from '../db/client.js';
import { findWorkspaceSettings } from '../db/queries/workspace-settings.js';
import type { WorkspaceSettings } from '../domain/settings.js';

/** The workspace's settings as saved, or the method's defaults where a manager never saved any. */
export function loadSettings(db: Database, params: { workspaceId: string }): Promise<WorkspaceSettings> {
  return findWorkspaceSettings(db, params);
}
