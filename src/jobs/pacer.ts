import type { Database } from '../db/client.js';
import { holdOffSendSlots, takeSendSlot } from '../db/queries/send-budgets.js';
/** chat.postMessage allows about one message a second per channel and several hundred a minute per workspace. */
export interface PaceLimits {
  /** Messages per window per workspace. */
  limit: number;
  windowMs: number;
  /** Minimum gap between two messages to one channel. */
  perChannelMs: number;
}

export const SLACK_POST_LIMITS: PaceLimits = { limit: 240, windowMs: 60_000, perChannelMs: 1000 };

export interface Pacer {
  /** Waits for this workspace's and channel's next free slot, and takes it; a fired `signal` ends the wait early. */
  acquire(workspaceId: string, channel: string, signal?: AbortSignal): Promise<void>;
  /** Slack answered 429: nobody in this workspace sends before the wait is over. */
  holdOff(workspaceId: string, ms: number): Promise<void>;
  /**
   * Takes one of this workspace's users.info slots if one is free now. A lookup that would have to wait is
   * skipped instead: lookups are a safety net beside the events, and must not slow the messages down.
   */
  tryLookUp(workspaceId: string): boolean;
}

/** users.info is tier 4, 100+ a minute per workspace (https://api.slack.com/methods/users.info). */
export const SLACK_LOOKUPS_PER_MINUTE = 100;

export interface Clock {
  now: () => number;
  /** Resolves after `ms`, or as soon as `signal` fires (a pass's deadline): the caller checks which. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const realClock: Clock = {
  now: Date.now,
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
    }),
};

/** Messages leave one every windowMs / limit, 5% under the limit: requests leave on their slots but can arrive
 * bunched (event loop, network), and one 429 costs a whole Retry-After second, far more than the margin. */
function slotInterval(limits: PaceLimits): number {
  return (limits.windowMs / limits.limit) * 1.05;
}

/** Where a pacer keeps each workspace's next free slot: in this process, or in the database for all of them. */
interface WorkspaceSlots {
  take(workspaceId: string, nowMs: number, intervalMs: number): Promise<number>;
  holdOff(workspaceId: string, untilMs: number): Promise<void>;
}

/**
 * Spreads messages evenly rather than bursting, so a sliding window on Slack's side never fills; slots are
 * reserved up front, so concurrent senders share one budget. This process's budget only: tests and benchmarks.
 */
export function createPacer(limits: PaceLimits = SLACK_POST_LIMITS, clock: Clock = realClock): Pacer {
  const next = new Map<string, number>();
  return pacerOver(
    {
      take: async (workspaceId, nowMs, intervalMs) => {
        const slot = Math.max(nowMs, next.get(workspaceId) ?? 0);
        next.set(workspaceId, slot + intervalMs);
        return slot;
      },
      holdOff: async (workspaceId, untilMs) => {
        next.set(workspaceId, Math.max(untilMs, next.get(workspaceId) ?? 0));
      },
    },
    limits,
    clock,
  );
}

const PACED_METHOD = 'chat.postMessage';

/**
 * The same pacing with each workspace's budget in the database, so every instance and CLI pass together keep
 * to the one rate Slack allows the workspace (one row per workspace and method, one statement per message).
 * The gap between two messages to one channel is kept per process: two instances rarely write one channel in
 * the same second, and a 429 there is waited out.
 */
export function createSharedPacer(
  db: Database,
  limits: PaceLimits = SLACK_POST_LIMITS,
  clock: Clock = realClock,
): Pacer {
  return pacerOver(
    {
      take: (workspaceId, nowMs, intervalMs) =>
        takeSendSlot(db, { workspaceId, method: PACED_METHOD, nowMs, intervalMs }),
      holdOff: (workspaceId, untilMs) => holdOffSendSlots(db, { workspaceId, method: PACED_METHOD, untilMs }),
    },
    limits,
    clock,
  );
}

function pacerOver(slots: WorkspaceSlots, limits: PaceLimits, clock: Clock): Pacer {
  const interval = slotInterval(limits);
  const nextChannelSlot = new Map<string, number>();
  const lookUpInterval = (60_000 / SLACK_LOOKUPS_PER_MINUTE) * 1.05;
  const nextLookUpSlot = new Map<string, number>();
  return {
    async acquire(workspaceId, channel, signal) {
      const now = clock.now();
      const channelKey = `${workspaceId}|${channel}`;
      const workspaceSlot = await slots.take(workspaceId, now, interval);
      const slot = Math.max(workspaceSlot, nextChannelSlot.get(channelKey) ?? 0);
      nextChannelSlot.set(channelKey, slot + limits.perChannelMs);
      if (nextChannelSlot.size > 50_000) pruneBefore(nextChannelSlot, now);
      if (slot > now) await clock.sleep(slot - now, signal);
    },
    holdOff: (workspaceId, ms) => slots.holdOff(workspaceId, clock.now() + ms),
    tryLookUp(workspaceId) {
      const now = clock.now();
      if ((nextLookUpSlot.get(workspaceId) ?? 0) > now) return false;
      nextLookUpSlot.set(workspaceId, now + lookUpInterval);
      return true;
    },
  };
}

function pruneBefore(slots: Map<string, number>, now: number): void {
  for (const [key, slot] of slots) if (slot <= now) slots.delete(key);
}
