import type { Database } from '../db/client.js';
import type { Person } from '../db/queries/people.js';
import { makeManager } from '../db/queries/teams.js';
import { upsertWorkspaceSettings } from '../db/queries/workspace-settings.js';
import { ensureWorkspace } from '../db/queries/workspaces.js';
import type { SettingsChanges } from '../domain/settings.js';

/** Saves the workspace's digest settings; whoever configures the digest is a manager from then on. */
export async function saveSettings(
  db: Database,
  params: { workspaceId: string; person: Person; changes: SettingsChanges; now: Date },
): Promise<void> {
  await ensureWorkspace(db, { workspaceId: params.workspaceId });
  await upsertWorkspaceSettings(db, {
    workspaceId: params.workspaceId,
    changes: params.changes,
    now: params.now,
  });
  await makeManager(db, { workspaceId: params.workspaceId, personId: params.person.id });
}
