import { and, asc, count, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { nextSteps, people, prospects } from '../schema.js';

export type NextStep = typeof nextSteps.$inferSelect;
type NextStepChanges = Partial<Pick<NextStep, 'dueAt' | 'agreed' | 'status' | 'snoozeCount' | 'completedAt'>>;

export interface NextStepView {
  step: NextStep;
  prospect: { id: number; contactName: string; company: string; hotButton: string | null };
  owner: { id: number; slackUserId: string; managerId: number | null; timeZone: string };
}

const viewColumns = {
  step: nextSteps,
  prospect: {
    id: prospects.id,
    contactName: prospects.contactName,
    company: prospects.company,
    hotButton: prospects.hotButton,
  },
  owner: {
    id: people.id,
    slackUserId: people.slackUserId,
    managerId: people.managerId,
    timeZone: people.timeZone,
  },
};

export function findNextStepView(
  db: Database,
  params: { workspaceId: string; nextStepId: number },
): Promise<NextStepView | undefined> {
  return findOneNextStepView(db, params.workspaceId, eq(nextSteps.id, params.nextStepId));
}

export function findNextStepByInteraction(
  db: Database,
  params: { workspaceId: string; interactionId: number },
): Promise<NextStepView | undefined> {
  return findOneNextStepView(db, params.workspaceId, eq(nextSteps.interactionId, params.interactionId));
}

async function findOneNextStepView(
  db: Database,
  workspaceId: string,
  condition: SQL,
): Promise<NextStepView | undefined> {
  const [row] = await db
    .select(viewColumns)
    .from(nextSteps)
    .innerJoin(prospects, eq(prospects.id, nextSteps.prospectId))
    .innerJoin(people, eq(people.id, nextSteps.ownerId))
    .where(and(eq(nextSteps.workspaceId, workspaceId), condition));
  return row;
}

export interface NextStepPage {
  rows: NextStepView[];
  total: number;
}

/** Scheduled next steps of these owners due before `before`, earliest first. */
export async function listScheduledNextSteps(
  db: Database,
  params: { workspaceId: string; ownerIds: number[]; before: Date; notBefore?: Date; limit: number },
): Promise<NextStepPage> {
  if (params.ownerIds.length === 0) return { rows: [], total: 0 };
  const where = and(
    eq(nextSteps.workspaceId, params.workspaceId),
    inArray(nextSteps.ownerId, params.ownerIds),
    eq(nextSteps.status, 'scheduled'),
    lt(nextSteps.dueAt, params.before),
    params.notBefore ? sql`${nextSteps.dueAt} >= ${params.notBefore.toISOString()}` : undefined,
  );
  const rows = await db
    .select(viewColumns)
    .from(nextSteps)
    .innerJoin(prospects, eq(prospects.id, nextSteps.prospectId))
    .innerJoin(people, eq(people.id, nextSteps.ownerId))
    .where(where)
    .orderBy(asc(nextSteps.dueAt), asc(nextSteps.id))
    .limit(params.limit);
  const [total] = await db.select({ total: count() }).from(nextSteps).where(where);
  return { rows, total: Number(total?.total ?? 0) };
}

/**
 * Changes a still-scheduled next step and answers it as changed; undefined when it is no longer scheduled (done,
 * superseded...). A new time counts one more time revision (the calendar invite's SEQUENCE).
 */
export async function updateScheduledNextStep(
  db: Database,
  params: { workspaceId: string; nextStepId: number; changes: NextStepChanges },
): Promise<NextStep | undefined> {
  const [row] = await db
    .update(nextSteps)
    .set({
      ...params.changes,
      ...(params.changes.dueAt ? { timeRevision: sql`${nextSteps.timeRevision} + 1` } : {}),
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(nextSteps.workspaceId, params.workspaceId),
        eq(nextSteps.id, params.nextStepId),
        eq(nextSteps.status, 'scheduled'),
      ),
    )
    .returning();
  return row;
}
