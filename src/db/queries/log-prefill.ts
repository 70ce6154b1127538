import { sql } from 'drizzle-orm';
import type { ProspectStatus } from '../../domain/vocabulary.js';
import { type Database, read, selectRows } from '../client.js';
import { people, prospects } from '../schema.js';
import { prospectNameMatch } from './prospects.js';

/** What the log modal starts from, for a rep the app knows. */
export interface LogPrefillFacts {
  rep: { id: number; timeZone: string };
  /** The rep's prospect the typed text most likely means (prospectNameMatch); null for none or no text. */
  prospect: { id: number; contactName: string; company: string; status: ProspectStatus } | null;
  /** When the rep's latest next calls were booked for, newest booking first. */
  recentCallTimes: Date[];
}

/**
 * The rep, the prospect they typed and when their latest calls were booked for, in one statement written as
 * SQL: it runs between a command and the modal it opens, where each round trip counts against the
 * trigger_id's 3 s, and under load the query builder's work for three tables cost more CPU than the read.
 * Undefined when the rep has never used the app in this workspace.
 */
export async function findLogPrefillFacts(
  db: Database,
  params: { workspaceId: string; slackUserId: string; text: string; callLimit: number },
): Promise<LogPrefillFacts | undefined> {
  const match = prospectNameMatch(params.text);
  const typed = match.conditions.length > 0 ? sql.join(match.conditions, sql` and `) : sql`false`;
  const [row] = await selectRows(
    db,
    sql`
      select me.id as rep_id, me.time_zone,
        picked.id as prospect_id, picked.contact_name, picked.company, picked.status,
        (select coalesce(json_agg(recent.at_ms order by recent.created_at desc), '[]'::json)
          from (
            select (extract(epoch from n.due_at) * 1000)::float8 as at_ms, n.created_at from next_steps n
            where n.workspace_id = me.workspace_id and n.owner_id = me.id
            order by n.created_at desc
            limit ${params.callLimit}
          ) recent) as recent_call_times_ms
      from people me
      left join lateral (
        select prospects.id, prospects.contact_name, prospects.company, prospects.status from prospects
        where prospects.workspace_id = me.workspace_id and prospects.owner_id = me.id and ${typed}
        order by ${sql.join(match.order, sql`, `)}
        limit 1
      ) picked on true
      where me.workspace_id = ${params.workspaceId} and me.slack_user_id = ${params.slackUserId}`,
    {
      rep_id: people.id,
      time_zone: people.timeZone,
      prospect_id: read.nullable(prospects.id),
      contact_name: read.nullable(prospects.contactName),
      company: read.nullable(prospects.company),
      status: read.nullable(prospects.status),
      recent_call_times_ms: read.json<number[]>(),
    },
  );
  if (!row) return undefined;
  return {
    rep: { id: row.rep_id, timeZone: row.time_zone },
    prospect:
      row.prospect_id === null
        ? null
        : {
            id: row.prospect_id,
            contactName: row.contact_name ?? '',
            company: row.company ?? '',
            status: row.status ?? 'active',
          },
    recentCallTimes: (row.recent_call_times_ms ?? []).map((ms) => new Date(ms)),
  };
}
