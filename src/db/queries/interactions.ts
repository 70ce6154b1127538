import { and, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { interactions } from '../schema.js';

export type Interaction = typeof interactions.$inferSelect;

export async function findInteractionBySourceKey(
  db: Database,
  params: { workspaceId: string; sourceKey: string },
): Promise<Interaction | undefined> {
  const [row] = await db
    .select()
    .from(interactions)
    .where(
      and(eq(interactions.workspaceId, params.workspaceId), eq(interactions.sourceKey, params.sourceKey)),
    );
  return row;
}
