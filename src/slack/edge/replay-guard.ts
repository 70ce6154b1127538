import { createHash } from 'node:crypto';
import type { Logger } from '@slack/bolt';
import type { Database } from '../../db/client.js';
import { forgetRequestsSeenBefore, recordRequestOnce } from '../../db/queries/seen-requests.js';
import { withinTime } from '../listeners/time-budget.js';
import {
  type Refusal,
  SIGNATURE_TOLERANCE_SECONDS,
  type SignedRequest,
  wallClockSeconds,
} from './signed-request.js';

/**
 * A signature passes while its timestamp is within the tolerance either side of now, so it is remembered for
 * twice the tolerance from when it was first seen. Slack's event retries come within that too (at once, after a
 * minute, after five: docs.slack.dev/apis/events-api, "Retries").
 */
const REMEMBER_SECONDS = 2 * SIGNATURE_TOLERANCE_SECONDS;
/** How often an instance prunes what no longer needs remembering. */
const PRUNE_EVERY_SECONDS = 60;
/**
 * A healthy database records a key in a few milliseconds. One that has not answered in this long lets the
 * request through, because the listener still needs most of Slack's 3 s to meet the same database and say so to
 * the person; the replay window is open only while the database is that slow. With a submission's own 2 s
 * (SUBMISSION_BUDGET_MS) that leaves 0.7 s for the trips to and from Slack. At 100 ms a busy host (two test
 * runs on two cores) went past it now and then while the database was well.
 */
const CHECK_BUDGET_MS = 300;
/**
 * An event's listener has nothing to do before its ack (Bolt's App acks an Events API request itself), so its
 * check may take much longer. It must: Slack retries an event precisely when the app was slow to answer, which is when the database
 * is slow too, and a retry let through is an event handled twice.
 */
const EVENT_CHECK_BUDGET_MS = 1000;

/**
 * What identifies a request across replays. An event (Events API) is known by its team and `event_id`, which
 * Slack's own retries keep while their timestamp and signature change (docs.slack.dev/apis/events-api,
 * `X-Slack-Retry-Num`); everything else Slack never retries, so its signature identifies it.
 */
export function replayKey(request: SignedRequest): { key: string; isEvent: boolean } {
  const { body } = request;
  if (body.type === 'event_callback' && typeof body.event_id === 'string') {
    // Hashed: an event id is Slack's to format, and an index entry has a size limit a forged one could pass.
    const digest = createHash('sha256')
      .update(`${String(body.team_id)}:${body.event_id}`)
      .digest('hex');
    return { key: `event:${digest}`, isEvent: true };
  }
  return { key: `signature:${request.signature}`, isEvent: false };
}

/** Admits each signed request once: a replay is refused (401), an event seen before is acked and dropped. */
export function createReplayGuard(db: Database, logger: Logger) {
  let prunedAt = 0;
  const prune = (nowSeconds: number) => {
    if (nowSeconds - prunedAt < PRUNE_EVERY_SECONDS) return;
    prunedAt = nowSeconds;
    const before = new Date((nowSeconds - REMEMBER_SECONDS) * 1000);
    forgetRequestsSeenBefore(db, { before }).catch((error: unknown) =>
      logger.warn('could not prune the seen requests', error),
    );
  };
  return {
    async check(request: SignedRequest): Promise<{ kind: 'admit' } | Refusal> {
      const { key, isEvent } = replayKey(request);
      const nowSeconds = wallClockSeconds();
      let first: boolean;
      try {
        first = await withinTime(
          recordRequestOnce(db, { key, at: new Date(nowSeconds * 1000) }),
          isEvent ? EVENT_CHECK_BUDGET_MS : CHECK_BUDGET_MS,
          logger,
        );
      } catch (error) {
        logger.warn('could not check whether a request was replayed; letting it through', error);
        return { kind: 'admit' };
      }
      prune(nowSeconds);
      if (first) return { kind: 'admit' };
      return isEvent
        ? { kind: 'refuse', status: 200, reason: 'an event already received (a Slack retry)' }
        : { kind: 'refuse', status: 401, reason: 'a replayed signature' };
    },
  };
}
