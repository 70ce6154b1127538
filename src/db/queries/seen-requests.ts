import { lt, sql } from 'drizzle-orm';
import { type Database, selectRows } from '../client.js';
import { seenRequests } from '../schema.js';

/**
 * Records `key` as seen; true the first time, false for every later call with the same key (on any instance:
 * the primary key decides, not memory). Every signed request waits on this before Bolt sees it, so it is one
 * statement written as SQL: the query builder cost more CPU than the insert itself.
 */
export async function recordRequestOnce(db: Database, params: { key: string; at: Date }): Promise<boolean> {
  const inserted = await selectRows(
    db,
    sql`insert into seen_requests (key, seen_at) values (${params.key}, ${params.at.toISOString()}::timestamptz)
      on conflict do nothing returning key`,
    { key: seenRequests.key },
  );
  return inserted.length > 0;
}

/** Forgets keys seen before `before`; a request they could catch would be refused as stale anyway. */
export async function forgetRequestsSeenBefore(db: Database, params: { before: Date }): Promise<void> {
  await db.delete(seenRequests).where(lt(seenRequests.seenAt, params.before));
}
