import { and, desc, eq } from 'drizzle-orm';
import type { Outcome } from '../../domain/vocabulary.js';
import type { Database } from '../client.js';
import { interactions } from '../schema.js';

export type Interaction = typeof interactions.$inferSelect;
export type NewInteraction = typeof interactions.$inferInsert;

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

/** Undefined when an interaction with the same source key was already stored (a resubmitted modal). */
export async function insertInteraction(
  db: Database,
  values: NewInteraction,
): Promise<Interaction | undefined> {
  const [row] = await db.insert(interactions).values(values).onConflictDoNothing().returning();
  return row;
}

export interface RecentTouch {
  outcome: Outcome;
  materialSent: string | null;
  materialReviewed: boolean | null;
}

/** The prospect's latest touches, newest first. */
export async function listRecentTouches(
  db: Database,
  params: { workspaceId: string; prospectId: number; limit: number },
): Promise<RecentTouch[]> {
  return db
    .select({
      outcome: interactions.outcome,
      materialSent: interactions.materialSent,
      materialReviewed: interactions.materialReviewed,
    })
    .from(interactions)
    .where(
      and(eq(interactions.workspaceId, params.workspaceId), eq(interactions.prospectId, params.prospectId)),
    )
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(params.limit);
}
