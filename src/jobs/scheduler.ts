import type { Logger } from '@slack/bolt';
import { schedule } from 'node-cron';
import type { Database } from '../db/client.js';
import type { WorkspaceClients } from '../slack/workspace-clients.js';
import { runCallReminders } from './call-reminders.js';
import type { JobDependencies } from './deliver.js';
import { runDigests } from './digests.js';
import { runDueCallDms } from './due-call-dms.js';
import { type Pacer, realClock } from './pacer.js';

export interface SchedulerDependencies {
  db: Database;
  clients: WorkspaceClients;
  logger: Logger;
  now: () => Date;
  instanceId: string;
  /** The app's chat.postMessage pacer, shared with the listeners' messages. */
  pacer: Pacer;
}

export interface Scheduler {
  /** Stops ticking and waits for a pass in flight to finish, at most until its deadline. */
  stop(): Promise<void>;
}

/**
 * A pass ends this long after it began, short of the next tick, so ticks are never skipped for a pass that
 * hangs; whatever it did not send is released and the next tick sends it.
 */
export const PASS_DEADLINE_MS = 50_000;

/**
 * Every pass of every job, as of one instant, side by side: they share the pacer, so a long DM fan-out does not
 * hold back the reminder due before a call. Each job records its own run and catches its own errors.
 */
export async function runAllJobs(deps: JobDependencies, now: Date): Promise<void> {
  await Promise.all([runDueCallDms(deps, now), runCallReminders(deps, now), runDigests(deps, now)]);
}

/**
 * Ticks every minute in every instance. Cron decides nothing (it skips DST-gap times): each tick asks the
 * database what is due as of now, and the delivery claims decide which instance sends it.
 */
export function startScheduler(dependencies: SchedulerDependencies): Scheduler {
  const { now, ...rest } = dependencies;
  const passDependencies = (): JobDependencies => ({
    ...rest,
    clock: realClock,
    deadline: AbortSignal.timeout(PASS_DEADLINE_MS),
  });
  let inFlight: Promise<void> | undefined;
  // One pass at a time per instance: a tick that finds the previous pass still running skips its turn.
  const tick = async () => {
    if (inFlight) return;
    inFlight = runAllJobs(passDependencies(), now())
      .catch((error: unknown) => {
        dependencies.logger.error('scheduled job pass failed', error);
      })
      .finally(() => {
        inFlight = undefined;
      });
    await inFlight;
  };
  const task = schedule('* * * * *', tick, { name: 'followup-jobs' });
  // A fresh instance (a deploy, a restart after an outage) catches up at once instead of at the next minute.
  void tick();
  return {
    stop: async () => {
      await task.stop();
      await inFlight;
    },
  };
}
