import type { Database } from '../db/client.js';
import { assignTeam, listKnownSlackUserIds, makeManager } from '../db/queries/teams.js';
import { ensureWorkspace } from '../db/queries/workspaces.js';
import { mayManage, type Requester } from './managers.js';

export type SetTeamResult =
  | { kind: 'refused' }
  | { kind: 'set'; added: string[]; unknown: string[]; onAnotherTeam: string[] };

/**
 * A manager (or a workspace admin, who becomes one) takes these reps onto their team. A rep on another
 * manager's team stays there: each manager acts on their own team only. Unknown people are reported back.
 */
export async function setTeam(
  db: Database,
  params: { workspaceId: string; requester: Requester; slackUserIds: string[] },
): Promise<SetTeamResult> {
  if (!mayManage(params.requester)) return { kind: 'refused' };
  const manager = params.requester.person;
  await ensureWorkspace(db, { workspaceId: params.workspaceId });
  await makeManager(db, { workspaceId: params.workspaceId, personId: manager.id });
  const others = params.slackUserIds.filter((id) => id !== manager.slackUserId);
  const [added, known] = await Promise.all([
    assignTeam(db, { workspaceId: params.workspaceId, managerId: manager.id, slackUserIds: others }),
    listKnownSlackUserIds(db, { workspaceId: params.workspaceId, slackUserIds: others }),
  ]);
  // In the order the manager named them.
  return {
    kind: 'set',
    added: others.filter((id) => added.includes(id)),
    onAnotherTeam: others.filter((id) => known.includes(id) && !added.includes(id)),
    unknown: others.filter((id) => !known.includes(id)),
  };
}
