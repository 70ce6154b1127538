import type { Database } from '../db/client.js';
import type { Person } from '../db/queries/people.js';
import { findWorkspaceSettings } from '../db/queries/workspace-settings.js';
import { loadManagerDigest, type ManagerDigest } from './load-manager-digest.js';

export type DigestNow =
  | { kind: 'not_manager' }
  | { kind: 'digest'; digest: ManagerDigest; channel: string | null };

/** The caller's team digest as of now, for `/followup digest`; reps get told it is a manager's tool. */
export async function loadDigestNow(
  db: Database,
  params: { workspaceId: string; person: Person; now: Date },
): Promise<DigestNow> {
  if (params.person.role !== 'manager') return { kind: 'not_manager' };
  const settings = await findWorkspaceSettings(db, { workspaceId: params.workspaceId });
  const digest = await loadManagerDigest(db, {
    settings,
    managerId: params.person.id,
    managerSlackUserId: params.person.slackUserId,
    now: params.now,
    late: false,
  });
  return { kind: 'digest', digest, channel: settings.managerChannelId };
}
