import { sql } from 'drizzle-orm';
import type { DealFacts } from '../../domain/stalls/stall-rules.js';
import { type Outcome, type ProspectStatus, REAL_CONTACT_OUTCOMES } from '../../domain/vocabulary.js';
import { type Database, selectRows } from '../client.js';
import { sqlList } from './sql-list.js';

/** How many latest outcomes to read per deal: enough for any gone-dark threshold a workspace sets. */
const RECENT_OUTCOMES = 12;

const realContactList = sqlList([...REAL_CONTACT_OUTCOMES]);
const toDate = (ms: number | string | null): Date | null => (ms === null ? null : new Date(Number(ms)));

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
    where pr.workspace_id = ${params.workspaceId} and pr.owner_id in (${sqlList(params.ownerIds)})
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
