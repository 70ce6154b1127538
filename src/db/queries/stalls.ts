import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { BriefFacts } from '../../domain/brief/pre-call-brief.js';
import type { RepActivity } from '../../domain/digest/team-digest.js';
import type { DealFacts } from '../../domain/stalls/stall-rules.js';
import { type Outcome, type ProspectStatus, REAL_CONTACT_OUTCOMES } from '../../domain/vocabulary.js';
import { type Database, selectRows } from '../client.js';
import { people } from '../schema.js';

/** How many latest outcomes to read per deal: enough for any gone-dark threshold a workspace sets. */
const RECENT_OUTCOMES = 12;

const idList = (ids: readonly number[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
const realContactList = sql.join(
  [...REAL_CONTACT_OUTCOMES].map((outcome) => sql`${outcome}`),
  sql`, `,
);
const toDate = (ms: number | string | null): Date | null => (ms === null ? null : new Date(Number(ms)));

export interface TeamMember {
  id: number;
  slackUserId: string;
  displayName: string | null;
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
    .select({ id: people.id, slackUserId: people.slackUserId, displayName: people.displayName })
    .from(people)
    .where(
      and(
        eq(people.workspaceId, params.workspaceId),
        or(
          eq(people.managerId, params.managerId),
          eq(people.id, params.managerId),
          sql`not exists (select 1 from people t
            where t.workspace_id = ${params.workspaceId} and t.manager_id is not null)`,
        ),
      ),
    )
    .orderBy(people.id);
}

/** Everything the stall rules need about the owners' deals (won deals aside), in one pass. */
export async function listDealFacts(
  db: Database,
  params: { workspaceId: string; ownerIds: readonly number[] },
): Promise<DealFacts[]> {
  if (params.ownerIds.length === 0) return [];
  const rows = await selectRows<{
    id: number;
    owner_id: number;
    contact_name: string;
    company: string;
    status: ProspectStatus;
    created_ms: number;
    paused_ms: number | null;
    pause_reason: string | null;
    revisit_ms: number | null;
    real_contact_ms: number | null;
    outcomes: string | null;
    value_touches: number;
    ask_touches: number;
    stakeholders: number;
    due_ms: number | null;
    agreed: boolean | null;
    snooze_count: number | null;
  }>(
    db,
    sql`select pr.id::int as id, pr.owner_id::int as owner_id, pr.contact_name, pr.company, pr.status,
      (extract(epoch from pr.created_at) * 1000)::float8 as created_ms,
      (extract(epoch from pr.paused_until) * 1000)::float8 as paused_ms, pr.pause_reason,
      (extract(epoch from pr.revisit_at) * 1000)::float8 as revisit_ms,
      (extract(epoch from touches.real_contact_at) * 1000)::float8 as real_contact_ms,
      latest.outcomes, coalesce(touches.value_touches, 0)::int as value_touches,
      coalesce(touches.ask_touches, 0)::int as ask_touches,
      (select count(*) from stakeholders s where s.prospect_id = pr.id)::int as stakeholders,
      (extract(epoch from step.due_at) * 1000)::float8 as due_ms, step.agreed, step.snooze_count::int as snooze_count
    from prospects pr
    left join lateral (
      select max(i.occurred_at) filter (where i.outcome in (${realContactList})) as real_contact_at,
             count(*) filter (where i.touch_type = 'value') as value_touches,
             count(*) filter (where i.touch_type = 'ask') as ask_touches
      from interactions i where i.prospect_id = pr.id) touches on true
    left join lateral (
      select string_agg(o.outcome, ',' order by o.occurred_at desc, o.id desc) as outcomes
      from (select i.outcome, i.occurred_at, i.id from interactions i where i.prospect_id = pr.id
            order by i.occurred_at desc, i.id desc limit ${RECENT_OUTCOMES}) o) latest on true
    left join lateral (
      select n.due_at, n.agreed, n.snooze_count from next_steps n
      where n.prospect_id = pr.id and n.status = 'scheduled' order by n.due_at limit 1) step on true
    where pr.workspace_id = ${params.workspaceId} and pr.owner_id in (${idList(params.ownerIds)})
      and pr.status <> 'won'
    order by pr.owner_id, pr.id`,
  );
  return rows.map((row) => ({
    prospectId: Number(row.id),
    ownerId: Number(row.owner_id),
    contactName: row.contact_name,
    company: row.company,
    status: row.status,
    createdAt: new Date(Number(row.created_ms)),
    pausedUntil: toDate(row.paused_ms),
    pauseReason: row.pause_reason,
    revisitAt: toDate(row.revisit_ms),
    lastRealContactAt: toDate(row.real_contact_ms),
    recentOutcomes: row.outcomes ? (row.outcomes.split(',') as Outcome[]) : [],
    valueTouches: Number(row.value_touches),
    askTouches: Number(row.ask_touches),
    stakeholderCount: Number(row.stakeholders),
    nextStep:
      row.due_ms === null
        ? null
        : {
            dueAt: new Date(Number(row.due_ms)),
            agreed: row.agreed === true,
            snoozeCount: Number(row.snooze_count ?? 0),
          },
  }));
}

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
  const reps = idList(params.repIds);
  // Reached through the team's prospects: next_steps is indexed by prospect for every status, by owner only
  // for scheduled steps.
  const rows = await selectRows<Record<string, number>>(
    db,
    sql`with team_steps as (
      select n.owner_id, n.status, n.due_at, n.created_at, n.agreed
      from prospects pr join next_steps n on n.prospect_id = pr.id
      where pr.workspace_id = ${params.workspaceId} and pr.owner_id in (${reps}) and n.owner_id in (${reps})
    )
    select r.id::int as rep_id,
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
  );
  return rows.map((row) => ({
    repId: Number(row.rep_id),
    dueCompleted: Number(row.due_completed),
    dueMissed: Number(row.due_missed),
    stepsCreated: Number(row.steps_created),
    stepsAgreed: Number(row.steps_agreed),
    plansReviewed: Number(row.plans_reviewed),
    plansRejected: Number(row.plans_rejected),
  }));
}

/** The parts of a pre-call brief that come from the prospect's profile and history. */
export type ProspectBriefFacts = { prospectId: number } & Pick<
  BriefFacts,
  'decisionMaker' | 'purchasingProcess' | 'budget' | 'stakeholders' | 'lastOutcome' | 'material'
>;

/** Profile, stakeholders, last outcome and latest material of these prospects, for the pre-call brief. */
export async function listProspectBriefFacts(
  db: Database,
  params: { workspaceId: string; prospectIds: readonly number[] },
): Promise<Map<number, ProspectBriefFacts>> {
  if (params.prospectIds.length === 0) return new Map();
  const rows = await selectRows<{
    id: number;
    decision_maker: string | null;
    purchasing_process: string | null;
    budget: string | null;
    stakeholders: string | null;
    last_outcome: Outcome | null;
    material_sent: string | null;
    material_reviewed: boolean | null;
  }>(
    db,
    sql`select pr.id::int as id, pr.decision_maker, pr.purchasing_process, pr.budget,
      (select string_agg(s.name, E'\\n' order by s.id) from stakeholders s where s.prospect_id = pr.id) as stakeholders,
      (select i.outcome from interactions i where i.prospect_id = pr.id
        order by i.occurred_at desc, i.id desc limit 1) as last_outcome,
      material.material_sent, material.material_reviewed
    from prospects pr
    left join lateral (
      select i.material_sent, i.material_reviewed from interactions i
      where i.prospect_id = pr.id and i.material_sent is not null and i.material_sent <> ''
      order by i.occurred_at desc, i.id desc limit 1) material on true
    where pr.workspace_id = ${params.workspaceId} and pr.id in (${idList(params.prospectIds)})`,
  );
  return new Map(
    rows.map((row) => [
      Number(row.id),
      {
        prospectId: Number(row.id),
        decisionMaker: row.decision_maker,
        purchasingProcess: row.purchasing_process,
        budget: row.budget,
        stakeholders: row.stakeholders ? row.stakeholders.split('\n') : [],
        lastOutcome: row.last_outcome,
        material: row.material_sent ? { sent: row.material_sent, reviewed: row.material_reviewed } : null,
      },
    ]),
  );
}

/** Pauses (or, with no date, resumes) a deal of this owner; false when it is not theirs. */
export async function setProspectPause(
  db: Database,
  params: {
    workspaceId: string;
    ownerId: number;
    prospectId: number;
    until: Date | null;
    reason: string | null;
  },
): Promise<boolean> {
  const rows = await selectRows<{ id: number }>(
    db,
    sql`update prospects set paused_until = ${params.until?.toISOString() ?? null}::timestamptz,
      pause_reason = ${params.reason}, updated_at = now()
    where workspace_id = ${params.workspaceId} and owner_id = ${params.ownerId} and id = ${params.prospectId}
    returning id`,
  );
  return rows.length > 0;
}
