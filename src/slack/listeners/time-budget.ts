import type { Logger } from '@slack/bolt';

/**
 * Slack gives up on a view submission after 3 s, and only the answer to it can put a message under a field.
 * The database work before that answer gets this long, leaving room for the trip back to Slack.
 */
export const SUBMISSION_BUDGET_MS = 2000;

/** `/followup log` opens its modal with a trigger_id that dies 3 s after the command: prefill may not wait. */
export const PREFILL_BUDGET_MS = 1000;

export const TAKING_TOO_LONG =
  'This is taking longer than usual; everything you typed is still here. Press Submit again in a moment: nothing is saved twice.';

export class OutOfTime extends Error {}

/**
 * Settles like `work`, or rejects with OutOfTime after `ms`. The work itself carries on (a database transaction
 * cannot be recalled), so what it throws later is logged rather than lost.
 */
export async function withinTime<T>(work: Promise<T>, ms: number, logger: Logger): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      work.catch((error: unknown) => logger.error('work that ran out of time failed later', error));
      reject(new OutOfTime(`still running after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
