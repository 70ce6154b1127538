import type { Database } from '../db/client.js';
import type { Person } from '../db/queries/people.js';
import { assignTeam, makeManager } from '../db/queries/teams.js';
import { ensureWorkspace } from '../db/queries/workspaces.js';

/** Slack user ids in command text: `<@U123>` or `<@U123|name>`. */
export function mentionedUserIds(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((match) => match[1] ?? '')),
  ].filter(Boolean);
}

/** The caller manages these reps from now on (and becomes a manager); unknown people are reported back. */
export async function setTeam(
  db: Database,
  params: { workspaceId: string; manager: Person; slackUserIds: string[] },
): Promise<{ added: string[]; unknown: string[] }> {
  await ensureWorkspace(db, { workspaceId: params.workspaceId });
  await makeManager(db, { workspaceId: params.workspaceId, personId: params.manager.id });
  const others = params.slackUserIds.filter((id) => id !== params.manager.slackUserId);
  const added = await assignTeam(db, {
    workspaceId: params.workspaceId,
    managerId: params.manager.id,
    slackUserIds: others,
  });
  return { added, unknown: others.filter((id) => !added.includes(id)) };
}
