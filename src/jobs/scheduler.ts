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
  /** Stops ticking and waits for a pass in flight to finish or release what it claimed. */
  stop(): Promise<void>;
}

/** Every pass of every job, as of one instant. Each job records its own run and catches its own errors. */
export async function runAllJobs(deps: JobDependencies, now: Date): Promise<void> {
  await runDueCallDms(deps, now);
  await runCallReminders(deps, now);
  await runDigests(deps, now);
}

/**
 * Ticks every minute in every instance. Cron decides nothing (it skips DST-gap times): each tick asks the
 * database what is due as of now, and the delivery claims decide which instance sends it.
 */
export function startScheduler(dependencies: SchedulerDependencies): Scheduler {
  const { now, ...rest } = dependencies;
  const deps: JobDependencies = { ...rest, clock: realClock };
  let inFlight: Promise<void> | undefined;
  // One pass at a time per instance: a tick that finds the previous pass still running skips its turn.
  const tick = async () => {
    if (inFlight) return;
    inFlight = runAllJobs(deps, now())
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
