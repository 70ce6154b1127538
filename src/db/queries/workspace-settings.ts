import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  defaultWorkspaceSettings,
  type SettingsChanges,
  type WorkspaceSettings,
} from '../../domain/settings.js';
import type { Database } from '../client.js';
import { people, workspaceSettings, workspaces } from '../schema.js';

export async function findWorkspaceSettings(
  db: Database,
  params: { workspaceId: string },
): Promise<WorkspaceSettings> {
  const [row] = await db
    .select()
    .from(workspaceSettings)
    .where(eq(workspaceSettings.workspaceId, params.workspaceId));
  if (!row) return defaultWorkspaceSettings(params.workspaceId);
  const { updatedAt: _updatedAt, ...settings } = row;
  return settings;
}

export async function upsertWorkspaceSettings(
  db: Database,
  params: { workspaceId: string; changes: SettingsChanges; now: Date },
): Promise<void> {
  await db
    .insert(workspaceSettings)
    .values({ workspaceId: params.workspaceId, ...params.changes, updatedAt: params.now })
    .onConflictDoUpdate({
      target: workspaceSettings.workspaceId,
      set: { ...params.changes, updatedAt: params.now },
    });
}

export interface DigestManager {
  workspaceId: string;
  managerId: number;
  slackUserId: string;
  displayName: string | null;
  timeZone: string;
  settings: WorkspaceSettings;
  /** When the settings were last saved: digests scheduled before then are not caught up. */
  configuredAt: Date;
  /** Reps who report to this manager (`/followup team`). */
  teamSize: number;
}

/** Managers of workspaces that have a manager channel: the only ones a digest can go to. */
export async function listDigestManagers(db: Database): Promise<DigestManager[]> {
  const rows = await db
    .select({
      person: people,
      settings: workspaceSettings,
      teamSize: sql<number>`(select count(*) from people r where r.manager_id = ${people.id})::int`,
    })
    .from(people)
    .innerJoin(workspaceSettings, eq(workspaceSettings.workspaceId, people.workspaceId))
    .innerJoin(workspaces, eq(workspaces.id, people.workspaceId))
    .where(
      and(
        eq(people.role, 'manager'),
        isNull(people.deactivatedAt),
        isNull(workspaces.uninstalledAt),
        isNotNull(workspaceSettings.managerChannelId),
      ),
    )
    .orderBy(people.workspaceId, people.id);
  return rows.map(({ person, settings, teamSize }) => {
    const { updatedAt, ...rest } = settings;
    return {
      workspaceId: person.workspaceId,
      managerId: person.id,
      slackUserId: person.slackUserId,
      displayName: person.displayName,
      timeZone: person.timeZone,
      settings: rest,
      configuredAt: updatedAt,
      teamSize: Number(teamSize),
    };
  });
}
