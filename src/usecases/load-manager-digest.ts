import type { Database } from '../db/client.js';
import { listDealFacts } from '../db/queries/deal-facts.js';
import { findPersonBySlackId } from '../db/queries/people.js';
import { listRepActivity } from '../db/queries/rep-activity.js';
import { listTeam } from '../db/queries/teams.js';
import { buildTeamDigest, type TeamDigest } from '../domain/digest/team-digest.js';
import type { WorkspaceSettings } from '../domain/settings.js';

/** The habits in the digest are measured over the last week. */
const ACTIVITY_WINDOW_MS = 7 * 86_400_000;

export interface ManagerDigest {
  teamId: string;
  /** The manager's zone, for the dates in the digest. */
  timeZone: string;
  managerSlackUserId: string;
  digest: TeamDigest;
  /** Slack user id of each rep, for mentions. */
  slackUserIds: Map<number, string>;
  late: boolean;
}

/** The manager's team, its stalled deals by the workspace's thresholds, and each rep's week. */
export async function loadManagerDigest(
  db: Database,
  params: {
    settings: WorkspaceSettings;
    managerId: number;
    managerSlackUserId: string;
    now: Date;
    late: boolean;
  },
): Promise<ManagerDigest> {
  const workspaceId = params.settings.workspaceId;
  const everyone = await listTeam(db, { workspaceId, managerId: params.managerId });
  // Reps who left are out of the habits; their open deals are listed for the manager to hand on. The manager
  // reads the digest and is not one of its reps.
  const team = everyone.filter((member) => member.deactivatedAt === null && member.id !== params.managerId);
  const departed = everyone
    .filter((member) => member.deactivatedAt !== null)
    .map((member) => ({ repId: member.id, name: member.displayName ?? member.slackUserId }));
  const manager = await findPersonBySlackId(db, { workspaceId, slackUserId: params.managerSlackUserId });
  const [deals, activity] = await Promise.all([
    listDealFacts(db, { workspaceId, ownerIds: everyone.map((member) => member.id) }),
    listRepActivity(db, {
      workspaceId,
      repIds: team.map((member) => member.id),
      since: new Date(params.now.getTime() - ACTIVITY_WINDOW_MS),
      now: params.now,
    }),
  ]);
  const names = new Map(team.map((member) => [member.id, member.displayName ?? member.slackUserId]));
  const reps = activity.map((counts) => ({
    ...counts,
    name: names.get(counts.repId) ?? String(counts.repId),
  }));
  return {
    teamId: workspaceId,
    timeZone: manager?.timeZone ?? 'UTC',
    managerSlackUserId: params.managerSlackUserId,
    digest: buildTeamDigest(reps, deals, params.settings, params.now, departed),
    slackUserIds: new Map(team.map((member) => [member.id, member.slackUserId])),
    late: params.late,
  };
}
