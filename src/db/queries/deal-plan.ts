import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { interactions, nextSteps, people, prospects, stakeholders } from '../schema.js';

/** One deal as a manager reads it: the prospect and its profile, its owner, the live next step, people, touches. */
export interface DealPlanRecord {
  prospect: typeof prospects.$inferSelect;
  owner: { id: number; slackUserId: string; displayName: string | null; managerId: number | null };
  /** The live (scheduled) next step, the earliest if there are several; null when none. */
  nextStep: { dueAt: Date; agreed: boolean; plan: string } | null;
  stakeholders: { name: string; title: string | null; isDecisionMaker: boolean }[];
  /** The latest touches, newest first. */
  touches: {
    occurredAt: Date;
    outcome: (typeof interactions.$inferSelect)['outcome'];
    summary: string | null;
    touchType: 'value' | 'ask';
  }[];
}

/** The deal behind a prospect id in the workspace, with its latest `touches` touches; undefined when it is gone. */
export async function findDealPlan(
  db: Database,
  params: { workspaceId: string; prospectId: number; touches: number },
): Promise<DealPlanRecord | undefined> {
  const { workspaceId, prospectId } = params;
  const [found] = await db
    .select({
      prospect: prospects,
      owner: {
        id: people.id,
        slackUserId: people.slackUserId,
        displayName: people.displayName,
        managerId: people.managerId,
      },
    })
    .from(prospects)
    .innerJoin(people, eq(people.id, prospects.ownerId))
    .where(and(eq(prospects.workspaceId, workspaceId), eq(prospects.id, prospectId)));
  if (!found) return undefined;
  const [steps, involved, touches] = await Promise.all([
    db
      .select({ dueAt: nextSteps.dueAt, agreed: nextSteps.agreed, plan: nextSteps.plan })
      .from(nextSteps)
      .where(
        and(
          eq(nextSteps.workspaceId, workspaceId),
          eq(nextSteps.prospectId, prospectId),
          eq(nextSteps.status, 'scheduled'),
        ),
      )
      .orderBy(asc(nextSteps.dueAt))
      .limit(1),
    db
      .select({
        name: stakeholders.name,
        title: stakeholders.title,
        isDecisionMaker: stakeholders.isDecisionMaker,
      })
      .from(stakeholders)
      .where(and(eq(stakeholders.workspaceId, workspaceId), eq(stakeholders.prospectId, prospectId)))
      .orderBy(asc(stakeholders.id)),
    db
      .select({
        occurredAt: interactions.occurredAt,
        outcome: interactions.outcome,
        summary: interactions.summary,
        touchType: interactions.touchType,
      })
      .from(interactions)
      .where(and(eq(interactions.workspaceId, workspaceId), eq(interactions.prospectId, prospectId)))
      .orderBy(desc(interactions.occurredAt), desc(interactions.id))
      .limit(params.touches),
  ]);
  return { ...found, nextStep: steps[0] ?? null, stakeholders: involved, touches };
}
