import type { Database } from '../db/client.js';
import { makeManager } from '../db/queries/teams.js';
import { upsertWorkspaceSettings } from '../db/queries/workspace-settings.js';
import { ensureWorkspace } from '../db/queries/workspaces.js';
import type { SettingsChanges } from '../domain/settings.js';
import { mayManage, type Requester } from './managers.js';

/**
 * Saves the workspace's digest settings, for a manager or a workspace admin (who is a manager from then on);
 * anyone else changes nothing.
 */
export async function saveSettings(
  db: Database,
  params: { workspaceId: string; requester: Requester; changes: SettingsChanges; now: Date },
): Promise<'saved' | 'refused'> {
  if (!mayManage(params.requester)) return 'refused';
  await ensureWorkspace(db, { workspaceId: params.workspaceId });
  await upsertWorkspaceSettings(db, {
    workspaceId: params.workspaceId,
    changes: params.changes,
    now: params.now,
  });
  await makeManager(db, { workspaceId: params.workspaceId, personId: params.requester.person.id });
  return 'saved';
}
