import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@slack/bolt';

/** Set in each worker's environment: which slot it fills, so a restarted worker takes over its duties. */
const WORKER_SLOT = 'FOLLOWUP_WORKER_SLOT';
const RESTART_DELAY_MS = 1_000;

/** Whether this process runs the scheduled jobs: the only process, or the first worker of a group. */
export function runsScheduledJobs(): boolean {
  return cluster.isPrimary || process.env[WORKER_SLOT] === '0';
}

/**
 * Runs `count` copies of the app sharing one port, so one host uses all its cores; each copy is a normal
 * stateless instance. A worker that dies is started again; SIGTERM and SIGINT stop them all, each finishing
 * its work in flight, before this process exits.
 */
export function superviseWorkers(count: number, logger: Logger): void {
  let stopping = false;
  const slots = new Map<Worker, number>();
  const start = (slot: number) => slots.set(cluster.fork({ [WORKER_SLOT]: String(slot) }), slot);

  cluster.on('exit', (worker, code, signal) => {
    const slot = slots.get(worker);
    slots.delete(worker);
    if (stopping) {
      if (slots.size === 0) process.exit(0);
      return;
    }
    if (slot === undefined) return;
    logger.error(`worker ${slot} exited (${signal ?? `code ${code}`}); starting it again`);
    setTimeout(() => {
      if (!stopping) start(slot);
    }, RESTART_DELAY_MS);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, stopping ${slots.size} workers`);
    if (slots.size === 0) process.exit(0);
    for (const worker of slots.keys()) worker.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  for (let slot = 0; slot < count; slot++) start(slot);
}
