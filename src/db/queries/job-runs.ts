import { desc, eq } from 'drizzle-orm';
import type { Database } from '../client.js';
import { jobRuns } from '../schema.js';

export type JobRun = typeof jobRuns.$inferSelect;

export interface JobTally {
  sent: number;
  skipped: number;
  failed: number;
}

export async function startJobRun(
  db: Database,
  params: { job: string; instanceId: string; asOf: Date; startedAt: Date },
): Promise<number> {
  const [row] = await db.insert(jobRuns).values(params).returning({ id: jobRuns.id });
  if (!row) throw new Error('job run insert returned nothing');
  return row.id;
}

export async function finishJobRun(
  db: Database,
  params: { id: number; tally: JobTally; error: string | null; finishedAt: Date },
): Promise<void> {
  await db
    .update(jobRuns)
    .set({ ...params.tally, error: params.error, finishedAt: params.finishedAt })
    .where(eq(jobRuns.id, params.id));
}

export async function listRecentJobRuns(db: Database, params: { limit: number }): Promise<JobRun[]> {
  return db.select().from(jobRuns).orderBy(desc(jobRuns.startedAt), desc(jobRuns.id)).limit(params.limit);
}
