import type { Database } from '../client.js';
import { coachReviews } from '../schema.js';

export async function insertCoachReview(
  db: Database,
  values: typeof coachReviews.$inferInsert,
): Promise<void> {
  await db.insert(coachReviews).values(values);
}
