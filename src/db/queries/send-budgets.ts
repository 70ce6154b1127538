import { sql } from 'drizzle-orm';
import { type Database, selectRows } from '../client.js';
import { sendBudgets } from '../schema.js';

/**
 * Takes the next slot of this workspace's budget for `method`: the later of `nowMs` and the stored next slot.
 * The stored slot moves on by `intervalMs` in the same statement, so concurrent senders in any number of
 * processes each get a slot of their own. Returns the slot taken, in epoch milliseconds.
 */
export async function takeSendSlot(
  db: Database,
  params: { workspaceId: string; method: string; nowMs: number; intervalMs: number },
): Promise<number> {
  const { workspaceId, method, nowMs, intervalMs } = params;
  const [row] = await selectRows(
    db,
    sql`insert into ${sendBudgets} (workspace_id, method, next_slot_ms)
        values (${workspaceId}, ${method}, ${nowMs + intervalMs})
        on conflict (workspace_id, method) do update
          set next_slot_ms = greatest(${sendBudgets.nextSlotMs}, ${nowMs}::float8) + ${intervalMs}::float8
        returning next_slot_ms - ${intervalMs}::float8 as slot`,
    { slot: sendBudgets.nextSlotMs },
  );
  return row?.slot ?? nowMs;
}

/** Slack answered 429: no slot of this workspace's `method` budget is given before `untilMs`, in any process. */
export async function holdOffSendSlots(
  db: Database,
  params: { workspaceId: string; method: string; untilMs: number },
): Promise<void> {
  const { workspaceId, method, untilMs } = params;
  await db.execute(
    sql`insert into ${sendBudgets} (workspace_id, method, next_slot_ms)
        values (${workspaceId}, ${method}, ${untilMs})
        on conflict (workspace_id, method) do update
          set next_slot_ms = greatest(${sendBudgets.nextSlotMs}, ${untilMs}::float8)`,
  );
}
