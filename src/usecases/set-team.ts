import type { Database } from '../db/client.js';
import type { Person } from '../db/queries/people.js';
import { assignTeam, makeManager } from '../db/queries/teams.js';
import { ensureWorkspace } from '../db/queries/workspaces.js';

/** The caller manages these reps from now on (and becomes a manager); unknown people are reported back. */
export async function setTeam(
  db: Database,
  params: { workspaceId: string; manager: Person; slackUserIds: string[] },
): Promise<{ added: string[]; unknown: string[] }> {
  await ensureWorkspace(db, { workspaceId: params.workspaceId });
  await makeManager(db, { workspaceId: params.workspaceId, personId: params.manager.id });
  const others = params.slackUserIds.filter((id) => id !== params.manager.slackUserId);
  const found = await assignTeam(db, {
    workspaceId: params.workspaceId,
    managerId: params.manager.id,
    slackUserIds: others,
  });
  // In the order the manager named them.
  return {
    added: others.filter((id) => found.includes(id)),
    unknown: others.filter((id) => !found.includes(id)),
  };
}
