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

/**
 * Runs a save keyed by the submission within `ms`. A dropped connection can fail a save whose commit went
 * through, so an early failure runs it once more in what is left of the budget: the key makes that second run
 * find what the first committed (or save it now), which is the truth to answer with. A save that outlives the
 * budget carries on, and `whenLate` gets its result, so the rep is told once it is confirmed.
 */
export async function saveWithinTime<T>(
  save: () => Promise<T>,
  ms: number,
  logger: Logger,
  whenLate: (result: T) => Promise<void>,
): Promise<T> {
  const deadline = performance.now() + ms;
  const attempt = async (work: Promise<T>, budget: number) => {
    try {
      return await withinTime(work, budget, logger);
    } catch (error) {
      if (error instanceof OutOfTime) {
        work
          .then(whenLate)
          .catch((late: unknown) => logger.error('a late save could not be confirmed', late));
      }
      throw error;
    }
  };
  try {
    return await attempt(save(), ms);
  } catch (error) {
    const left = deadline - performance.now();
    if (error instanceof OutOfTime || left <= 0) throw error;
    logger.warn('a save failed; reading back what was committed', error);
    return attempt(save(), left);
  }
}
