import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@slack/bolt';

/** Set in each worker's environment: which slot it fills, so a restarted worker takes over its duties. */
const WORKER_SLOT = 'FOLLOWUP_WORKER_SLOT';
const FIRST_RESTART_DELAY_MS = 1_000;
const LONGEST_RESTART_DELAY_MS = 30_000;
/** A worker that ran this long was healthy: its next restart is quick again. */
const HEALTHY_AFTER_MS = 60_000;

/**
 * How long to wait before starting a dead worker again: quickly after a crash in a healthy run, doubling
 * while it keeps dying young (a database that is down), so a crash loop is not a log line a second.
 */
export function nextRestartDelay(previousDelayMs: number | undefined, livedMs: number): number {
  if (previousDelayMs === undefined || livedMs >= HEALTHY_AFTER_MS) return FIRST_RESTART_DELAY_MS;
  return Math.min(previousDelayMs * 2, LONGEST_RESTART_DELAY_MS);
}

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
  const slots = new Map<Worker, { slot: number; startedAt: number }>();
  const delays = new Map<number, number>();
  const start = (slot: number) =>
    slots.set(cluster.fork({ [WORKER_SLOT]: String(slot) }), { slot, startedAt: Date.now() });

  cluster.on('exit', (worker, code, signal) => {
    const ended = slots.get(worker);
    slots.delete(worker);
    if (stopping) {
      if (slots.size === 0) process.exit(0);
      return;
    }
    if (!ended) return;
    const delay = nextRestartDelay(delays.get(ended.slot), Date.now() - ended.startedAt);
    delays.set(ended.slot, delay);
    logger.error(
      `worker ${ended.slot} exited (${signal ?? `code ${code}`}); starting it again in ${delay / 1000} s`,
    );
    setTimeout(() => {
      if (!stopping) start(ended.slot);
    }, delay);
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
