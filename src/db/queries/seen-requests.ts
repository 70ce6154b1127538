import { lt } from 'drizzle-orm';
import type { Database } from '../client.js';
import { seenRequests } from '../schema.js';

/**
 * Records `key` as seen; true the first time, false for every later call with the same key (on any instance:
 * the primary key decides, not memory).
 */
export async function recordRequestOnce(db: Database, params: { key: string; at: Date }): Promise<boolean> {
  const inserted = await db
    .insert(seenRequests)
    .values({ key: params.key, seenAt: params.at })
    .onConflictDoNothing()
    .returning({ key: seenRequests.key });
  return inserted.length > 0;
}

/** Forgets keys seen before `before`; a request they could catch would be refused as stale anyway. */
export async function forgetRequestsSeenBefore(db: Database, params: { before: Date }): Promise<void> {
  await db.delete(seenRequests).where(lt(seenRequests.seenAt, params.before));
}
