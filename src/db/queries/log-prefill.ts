import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../client.js';
import { nextSteps, people, prospects } from '../schema.js';
import type { Person } from './people.js';
import { type Prospect, prospectNameMatch } from './prospects.js';

/** What the log modal starts from, for a rep the app knows. */
export interface LogPrefillFacts {
  rep: Person;
  /** The rep's prospect the typed text most likely means (prospectNameMatch); null for none or no text. */
  prospect: Prospect | null;
  /** When the rep's latest next calls were booked for, newest booking first. */
  recentCallTimes: Date[];
}

/**
 * The rep, the prospect they typed and when their latest calls were booked for, in one statement: it runs
 * between a command and the modal it opens, where each round trip counts against the trigger_id's 3 s.
 * Undefined when the rep has never used the app in this workspace.
 */
export async function findLogPrefillFacts(
  db: Database,
  params: { workspaceId: string; slackUserId: string; text: string; callLimit: number },
): Promise<LogPrefillFacts | undefined> {
  const match = prospectNameMatch(params.text);
  const picked = alias(prospects, 'picked');
  const typed = match.conditions.length > 0;
  // The lateral subquery picks the best match's id; the join reads its row.
  const candidate = db
    .select({ id: prospects.id })
    .from(prospects)
    .where(
      and(
        eq(prospects.workspaceId, params.workspaceId),
        sql`${prospects.ownerId} = ${people.id}`,
        ...(typed ? match.conditions : [sql`false`]),
      ),
    )
    .orderBy(...match.order)
    .limit(1)
    .as('candidate');
  const [row] = await db
    .select({
      rep: people,
      prospect: picked,
      // Epoch milliseconds read the same on both drivers; the aggregate keeps the newest booking first.
      recentCallTimesMs: sql<number[]>`(
        select coalesce(json_agg(recent.at_ms order by recent.created_at desc), '[]'::json)
        from (
          select (extract(epoch from ${nextSteps.dueAt}) * 1000)::float8 as at_ms, ${nextSteps.createdAt} as created_at
          from ${nextSteps}
          where ${nextSteps.workspaceId} = ${people.workspaceId} and ${nextSteps.ownerId} = ${people.id}
          order by ${nextSteps.createdAt} desc
          limit ${params.callLimit}
        ) recent
      )`,
    })
    .from(people)
    .leftJoinLateral(candidate, sql`true`)
    .leftJoin(picked, eq(picked.id, candidate.id))
    .where(and(eq(people.workspaceId, params.workspaceId), eq(people.slackUserId, params.slackUserId)));
  if (!row) return undefined;
  return {
    rep: row.rep,
    prospect: row.prospect,
    recentCallTimes: row.recentCallTimesMs.map((ms) => new Date(ms)),
  };
}
