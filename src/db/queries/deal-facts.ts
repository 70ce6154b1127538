import { sql } from 'drizzle-orm';
import type { DealFacts } from '../../domain/stalls/stall-rules.js';
import { type Outcome, REAL_CONTACT_OUTCOMES } from '../../domain/vocabulary.js';
import { type Database, read, selectRows } from '../client.js';
import { interactions, nextSteps, prospects } from '../schema.js';
import { sqlList } from './sql-list.js';

/** How many latest outcomes to read per deal: enough for any gone-dark threshold a workspace sets. */
const RECENT_OUTCOMES = 12;

const realContactList = sqlList([...REAL_CONTACT_OUTCOMES]);

/** Everything the stall rules need about the owners' deals (won deals aside), in one pass. */
export async function listDealFacts(
  db: Database,
  params: { workspaceId: string; ownerIds: readonly number[] },
): Promise<DealFacts[]> {
  if (params.ownerIds.length === 0) return [];
  const rows = await selectRows(
    db,
    sql`select pr.id, pr.owner_id, pr.contact_name, pr.company, pr.status, pr.created_at, pr.paused_until,
      pr.pause_reason, pr.revisit_at, touches.real_contact_at, latest.outcomes, touches.value_touches,
      touches.ask_touches, (select count(*) from stakeholders s where s.prospect_id = pr.id) as stakeholders,
      step.due_at, step.agreed, step.snooze_count
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
    {
      id: prospects.id,
      owner_id: prospects.ownerId,
      contact_name: prospects.contactName,
      company: prospects.company,
      status: prospects.status,
      created_at: prospects.createdAt,
      paused_until: prospects.pausedUntil,
      pause_reason: prospects.pauseReason,
      revisit_at: prospects.revisitAt,
      real_contact_at: read.nullable(interactions.occurredAt),
      outcomes: read.text, // the latest first, comma-separated
      value_touches: read.count,
      ask_touches: read.count,
      stakeholders: read.count,
      due_at: read.nullable(nextSteps.dueAt),
      agreed: read.nullable(nextSteps.agreed),
      snooze_count: read.nullable(nextSteps.snoozeCount),
    },
  );
  return rows.map((row) => ({
    prospectId: row.id,
    ownerId: row.owner_id,
    contactName: row.contact_name,
    company: row.company,
    status: row.status,
    createdAt: row.created_at,
    pausedUntil: row.paused_until,
    pauseReason: row.pause_reason,
    revisitAt: row.revisit_at,
    lastRealContactAt: row.real_contact_at,
    recentOutcomes: row.outcomes ? (row.outcomes.split(',') as Outcome[]) : [],
    valueTouches: row.value_touches,
    askTouches: row.ask_touches,
    stakeholderCount: row.stakeholders,
    nextStep:
      row.due_at === null
        ? null
        : { dueAt: row.due_at, agreed: row.agreed === true, snoozeCount: row.snooze_count ?? 0 },
  }));
}
