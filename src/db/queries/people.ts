import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { people } from '../schema.js';

export type Person = typeof people.$inferSelect;

export async function findPersonBySlackId(
  db: Database,
  params: { workspaceId: string; slackUserId: string },
): Promise<Person | undefined> {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.workspaceId, params.workspaceId), eq(people.slackUserId, params.slackUserId)));
  return row;
}

/** Inserts the person, or returns the existing row untouched (first contact wins; `user_change` refreshes). */
export async function insertPerson(
  db: Database,
  params: { workspaceId: string; slackUserId: string; displayName: string | null; timeZone: string },
): Promise<Person> {
  const [inserted] = await db.insert(people).values(params).onConflictDoNothing().returning();
  if (inserted) return inserted;
  const existing = await findPersonBySlackId(db, params);
  if (!existing) throw new Error('person vanished between insert and select');
  return existing;
}

export async function updatePersonTimeZone(
  db: Database,
  params: { workspaceId: string; slackUserId: string; timeZone: string; displayName?: string | null },
): Promise<boolean> {
  const rows = await db
    .update(people)
    .set({
      timeZone: params.timeZone,
      ...(params.displayName ? { displayName: params.displayName } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(people.workspaceId, params.workspaceId), eq(people.slackUserId, params.slackUserId)))
    .returning({ id: people.id });
  return rows.length > 0;
}

/**
 * Records that the person left the workspace (`at`), or came back (`null`). Only the first departure is kept,
 * so a repeated event does not move it.
 */
export async function setPersonDeactivated(
  db: Database,
  params: { workspaceId: string; slackUserId: string; at: Date | null },
): Promise<boolean> {
  const rows = await db
    .update(people)
    .set({
      deactivatedAt: params.at
        ? sql`coalesce(${people.deactivatedAt}, ${params.at.toISOString()}::timestamptz)`
        : null,
    })
    .where(and(eq(people.workspaceId, params.workspaceId), eq(people.slackUserId, params.slackUserId)))
    .returning({ id: people.id });
  return rows.length > 0;
}
