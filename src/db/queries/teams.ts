import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { people } from '../schema.js';

export interface TeamMember {
  id: number;
  slackUserId: string;
  displayName: string | null;
  /** When the person left the workspace; null while they are in it. */
  deactivatedAt: Date | null;
}

/**
 * The manager and the reps who report to them. A workspace where nobody has named a team yet
 * (`/followup team`) is one team: every rep in it.
 */
export async function listTeam(
  db: Database,
  params: { workspaceId: string; managerId: number },
): Promise<TeamMember[]> {
  return db
    .select({
      id: people.id,
      slackUserId: people.slackUserId,
      displayName: people.displayName,
      deactivatedAt: people.deactivatedAt,
    })
    .from(people)
    .where(onTeamOf(params))
    .orderBy(people.id);
}

/** Whether the person is on the manager's team as listTeam draws it (and so in the manager's digest). */
export async function isOnTeam(
  db: Database,
  params: { workspaceId: string; managerId: number; personId: number },
): Promise<boolean> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(onTeamOf(params), eq(people.id, params.personId)));
  return rows.length > 0;
}

/**
 * The manager and the reps who report to them; where nobody has named a team yet, everyone in the workspace.
 */
function onTeamOf(params: { workspaceId: string; managerId: number }) {
  return and(
    eq(people.workspaceId, params.workspaceId),
    or(
      eq(people.managerId, params.managerId),
      eq(people.id, params.managerId),
      sql`not exists (select 1 from people t
        where t.workspace_id = ${params.workspaceId} and t.manager_id is not null)`,
    ),
  );
}

/** The people a manager manages (set with `/followup team`). */
export async function listTeamMemberIds(
  db: Database,
  params: { workspaceId: string; managerId: number },
): Promise<number[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.workspaceId, params.workspaceId), eq(people.managerId, params.managerId)));
  return rows.map((row) => row.id);
}

/** Makes the person a manager (whoever configures the digest manages with it). */
export async function makeManager(
  db: Database,
  params: { workspaceId: string; personId: number },
): Promise<void> {
  await db
    .update(people)
    .set({ role: 'manager' })
    .where(and(eq(people.workspaceId, params.workspaceId), eq(people.id, params.personId)));
}

/**
 * Puts these reps (by Slack user id) on the manager's team, unless another manager already has them; returns
 * the ids now on this team.
 */
export async function assignTeam(
  db: Database,
  params: { workspaceId: string; managerId: number; slackUserIds: string[] },
): Promise<string[]> {
  if (params.slackUserIds.length === 0) return [];
  const rows = await db
    .update(people)
    .set({ managerId: params.managerId })
    .where(
      and(
        eq(people.workspaceId, params.workspaceId),
        inArray(people.slackUserId, params.slackUserIds),
        or(isNull(people.managerId), eq(people.managerId, params.managerId)),
      ),
    )
    .returning({ slackUserId: people.slackUserId });
  return rows.map((row) => row.slackUserId);
}

/** Makes these people (by Slack user id) managers; returns the ids of those the app knows. */
export async function makeManagers(
  db: Database,
  params: { workspaceId: string; slackUserIds: string[] },
): Promise<string[]> {
  if (params.slackUserIds.length === 0) return [];
  const rows = await db
    .update(people)
    .set({ role: 'manager' })
    .where(and(eq(people.workspaceId, params.workspaceId), inArray(people.slackUserId, params.slackUserIds)))
    .returning({ slackUserId: people.slackUserId });
  return rows.map((row) => row.slackUserId);
}

/** Which of these Slack user ids the app knows in the workspace. */
export async function listKnownSlackUserIds(
  db: Database,
  params: { workspaceId: string; slackUserIds: string[] },
): Promise<string[]> {
  if (params.slackUserIds.length === 0) return [];
  const rows = await db
    .select({ slackUserId: people.slackUserId })
    .from(people)
    .where(and(eq(people.workspaceId, params.workspaceId), inArray(people.slackUserId, params.slackUserIds)));
  return rows.map((row) => row.slackUserId);
}
