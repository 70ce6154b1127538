import { sql } from 'drizzle-orm';
import type { RepActivity } from '../../domain/digest/team-digest.js';
import { type Database, read, selectRows } from '../client.js';
import { people } from '../schema.js';
import { sqlList } from './sql-list.js';

/** The digest's per-rep figures as counted in the database; the name comes from the team list. */
export type RepActivityCounts = Omit<RepActivity, 'name'>;

/**
 * Per rep over [since, now): next steps that fell due (done or replaced by a logged call vs. still scheduled),
 * next steps created and how many were agreed with the prospect, and the coach's verdicts.
 */
export async function listRepActivity(
  db: Database,
  params: { workspaceId: string; repIds: readonly number[]; since: Date; now: Date },
): Promise<RepActivityCounts[]> {
  if (params.repIds.length === 0) return [];
  const since = params.since.toISOString();
  const now = params.now.toISOString();
  const reps = sqlList(params.repIds);
  // Reached through the team's prospects: next_steps is indexed by prospect for every status, by owner only
  // for scheduled steps.
  const rows = await selectRows(
    db,
    sql`with team_steps as (
      select n.owner_id, n.status, n.due_at, n.created_at, n.agreed
      from prospects pr join next_steps n on n.prospect_id = pr.id
      where pr.workspace_id = ${params.workspaceId} and pr.owner_id in (${reps}) and n.owner_id in (${reps})
    )
    select r.id as rep_id,
      (count(ts.owner_id) filter (where ts.due_at >= ${since}::timestamptz and ts.due_at < ${now}::timestamptz
        and ts.status in ('done', 'superseded')))::int as due_completed,
      (count(ts.owner_id) filter (where ts.due_at >= ${since}::timestamptz and ts.due_at < ${now}::timestamptz
        and ts.status = 'scheduled'))::int as due_missed,
      (count(ts.owner_id) filter (where ts.created_at >= ${since}::timestamptz
        and ts.created_at < ${now}::timestamptz))::int as steps_created,
      (count(ts.owner_id) filter (where ts.created_at >= ${since}::timestamptz
        and ts.created_at < ${now}::timestamptz and ts.agreed))::int as steps_agreed,
      (select count(*) from coach_reviews c where c.workspace_id = ${params.workspaceId} and c.rep_id = r.id
        and c.created_at >= ${since}::timestamptz and c.created_at < ${now}::timestamptz)::int as plans_reviewed,
      (select count(*) from coach_reviews c where c.workspace_id = ${params.workspaceId} and c.rep_id = r.id
        and c.created_at >= ${since}::timestamptz and c.created_at < ${now}::timestamptz
        and c.verdict = 'vague')::int as plans_rejected
    from people r left join team_steps ts on ts.owner_id = r.id
    where r.workspace_id = ${params.workspaceId} and r.id in (${reps})
    group by r.id
    order by r.id`,
    {
      rep_id: people.id,
      due_completed: read.count,
      due_missed: read.count,
      steps_created: read.count,
      steps_agreed: read.count,
      plans_reviewed: read.count,
      plans_rejected: read.count,
    },
  );
  return rows.map((row) => ({
    repId: row.rep_id,
    dueCompleted: row.due_completed,
    dueMissed: row.due_missed,
    stepsCreated: row.steps_created,
    stepsAgreed: row.steps_agreed,
    plansReviewed: row.plans_reviewed,
    plansRejected: row.plans_rejected,
  }));
}
