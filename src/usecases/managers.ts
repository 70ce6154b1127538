import type { Database } from '../db/client.js';
import type { Person } from '../db/queries/people.js';
import { makeManagers } from '../db/queries/teams.js';

/** Who is asking, and whether the chat platform calls them a workspace admin or owner. */
export interface Requester {
  person: Person;
  isWorkspaceAdmin: boolean;
}

/**
 * Managers see their team's figures and choose where the digest goes, so nobody makes themselves one: a
 * workspace admin or owner may act as a manager, and so may anyone an admin or a manager has named.
 */
export function mayManage(requester: Requester): boolean {
  return requester.person.role === 'manager' || requester.isWorkspaceAdmin;
}

export type NameManagersResult = { kind: 'refused' } | { kind: 'named'; named: string[]; unknown: string[] };

/** An admin or a manager names these people managers; people the app has not met yet are reported back. */
export async function nameManagers(
  db: Database,
  params: { workspaceId: string; requester: Requester; slackUserIds: string[] },
): Promise<NameManagersResult> {
  if (!mayManage(params.requester)) return { kind: 'refused' };
  const found = await makeManagers(db, {
    workspaceId: params.workspaceId,
    slackUserIds: params.slackUserIds,
  });
  return {
    kind: 'named',
    named: params.slackUserIds.filter((id) => found.includes(id)),
    unknown: params.slackUserIds.filter((id) => !found.includes(id)),
  };
}
