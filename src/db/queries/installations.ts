import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Database } from '../client.js';
import { installations } from '../schema.js';

export type InstallationRow = typeof installations.$inferSelect;
type InstallationValues = Omit<InstallationRow, 'installedAt' | 'updatedAt' | 'uninstalledAt'>;

/**
 * A first install inserts the row; a reinstall (more scopes, a new installer, a fresh token after an uninstall)
 * replaces everything but the first install time, so storing the same installation twice changes nothing more.
 */
export async function saveInstallation(
  db: Database,
  params: { values: InstallationValues; at: Date },
): Promise<void> {
  const { id, ...rest } = params.values;
  await db
    .insert(installations)
    .values({ id, ...rest, installedAt: params.at, updatedAt: params.at })
    .onConflictDoUpdate({
      target: installations.id,
      set: { ...rest, updatedAt: params.at, uninstalledAt: null },
    });
}

/** The installation that still has a bot token, by Bolt's key (team id, or enterprise id of an org install). */
export async function findActiveInstallation(
  db: Database,
  params: { id: string },
): Promise<InstallationRow | undefined> {
  const [row] = await db
    .select()
    .from(installations)
    .where(and(eq(installations.id, params.id), isNotNull(installations.sealedBotToken)));
  return row;
}

/** The sealed bot token that serves one workspace, or undefined when it is not (or no longer) installed. */
export async function findSealedBotToken(
  db: Database,
  params: { workspaceId: string },
): Promise<{ installationId: string; sealedBotToken: string } | undefined> {
  const row = await findActiveInstallation(db, { id: params.workspaceId });
  return row?.sealedBotToken ? { installationId: row.id, sealedBotToken: row.sealedBotToken } : undefined;
}

/** Uninstalled or revoked: the token is deleted at once; the row and the workspace's sales data stay. */
export async function deleteBotToken(db: Database, params: { teamId: string; at: Date }): Promise<void> {
  await db
    .update(installations)
    .set({ sealedBotToken: null, uninstalledAt: params.at, updatedAt: params.at })
    .where(or(eq(installations.id, params.teamId), eq(installations.teamId, params.teamId)));
}

/** Every stored token, for re-sealing them under a new key. */
export function listSealedBotTokens(db: Database): Promise<{ id: string; sealedBotToken: string | null }[]> {
  return db
    .select({ id: installations.id, sealedBotToken: installations.sealedBotToken })
    .from(installations)
    .where(isNotNull(installations.sealedBotToken));
}

/** Swaps a sealed token for the same token sealed again, unless it changed (a reinstall) in between. */
export async function replaceSealedBotToken(
  db: Database,
  params: { id: string; from: string; to: string },
): Promise<void> {
  await db
    .update(installations)
    .set({ sealedBotToken: params.to })
    .where(and(eq(installations.id, params.id), eq(installations.sealedBotToken, params.from)));
}

export function listInstallations(db: Database): Promise<InstallationRow[]> {
  return db.select().from(installations).orderBy(installations.id);
}
