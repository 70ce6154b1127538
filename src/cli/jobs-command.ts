import { hostname } from 'node:os';
import { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { loadTokenKeys, type TokenKeys } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import { listRecentDeliveryFailures } from '../db/queries/deliveries.js';
import { listRecentJobRuns } from '../db/queries/job-runs.js';
import { runCallReminders } from '../jobs/call-reminders.js';
import type { JobDependencies } from '../jobs/deliver.js';
import { runDigests } from '../jobs/digests.js';
import { runDueCallDms } from '../jobs/due-call-dms.js';
import { createSharedPacer, realClock } from '../jobs/pacer.js';
import { PASS_DEADLINE_MS } from '../jobs/scheduler.js';
import { createLogger } from '../logger.js';
import { webClientOptions } from '../slack/node-http-fetch.js';
import { installedWorkspaceClients, singleWorkspaceClients } from '../slack/workspace-clients.js';
import { createTokenCipher } from '../token-cipher.js';
import { type CommandIo, withCliDatabase } from './cli-database.js';

type JobsIo = CommandIo;

const USAGE = `Usage:
  followup jobs due-dms --at <ISO time>     one due-call DM pass as of that time
  followup jobs reminders --at <ISO time>   one pre-call reminder pass
  followup jobs digest --at <ISO time>      one manager digest pass
  followup jobs status                      the last job runs and delivery failures
`;

const PASSES = { 'due-dms': runDueCallDms, reminders: runCallReminders, digest: runDigests } as const;

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const envSchema = z.object({
  SLACK_BOT_TOKEN: optional,
  SLACK_API_URL: optional,
});
const atSchema = z.iso.datetime({ offset: true });

/** `followup jobs ...`: the scheduled passes on demand, idempotent like the scheduled run. 0 ok, 1 failed, 2 usage. */
export async function runJobsCommand(args: string[], io: JobsIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === 'status')
    return rest.length === 0
      ? withCliDatabase(io, 'The job failed', (handle) => printStatus(handle, io))
      : usage(io);
  if (!name || !(name in PASSES)) return usage(io, name ? `Unknown job "${name}".` : undefined);
  const at = parseAt(rest);
  if (!at) return usage(io, 'Give the pass its time: --at 2026-03-09T08:30:00-05:00');
  const env = envSchema.parse(io.env);
  let tokenKeys: TokenKeys | undefined;
  try {
    tokenKeys = loadTokenKeys(io.env);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const token = env.SLACK_BOT_TOKEN;
  if (!tokenKeys && !token?.startsWith('xoxb-')) {
    io.stderr.write(
      'SLACK_BOT_TOKEN must be set to the xoxb- bot token to send messages, or TOKEN_ENCRYPTION_KEY to send with ' +
        "each installed workspace's own token.\n",
    );
    return 1;
  }
  return withCliDatabase(io, 'The job failed', async (handle) => {
    const logger = createLogger('warn', (line) => io.stderr.write(line));
    const clientOptions = webClientOptions(env.SLACK_API_URL);
    const deps: JobDependencies = {
      db: handle.db,
      clients: tokenKeys
        ? installedWorkspaceClients({ db: handle.db, cipher: createTokenCipher(tokenKeys), clientOptions })
        : singleWorkspaceClients(new WebClient(token, clientOptions)),
      logger,
      instanceId: `cli:${hostname()}:${process.pid}`,
      pacer: createSharedPacer(handle.db),
      clock: realClock,
      deadline: AbortSignal.timeout(PASS_DEADLINE_MS),
    };
    const tally = await PASSES[name as keyof typeof PASSES](deps, at);
    io.stdout.write(
      `${name} as of ${at.toISOString()}: sent ${tally.sent}, skipped ${tally.skipped}, failed ${tally.failed}\n`,
    );
    return tally.failed > 0 ? 1 : 0;
  });
}

function parseAt(rest: string[]): Date | undefined {
  if (rest.length !== 2 || rest[0] !== '--at') return undefined;
  const parsed = atSchema.safeParse(rest[1]);
  return parsed.success ? new Date(parsed.data) : undefined;
}

function usage(io: JobsIo, problem?: string): number {
  io.stderr.write(`${problem ? `${problem}\n` : ''}${USAGE}`);
  return 2;
}

async function printStatus(handle: DatabaseHandle, io: JobsIo): Promise<number> {
  const runs = await listRecentJobRuns(handle.db, { limit: 20 });
  io.stdout.write(runs.length === 0 ? 'No job runs yet.\n' : 'Last job runs:\n');
  for (const run of runs) {
    const state = run.finishedAt ? (run.error ? `error: ${run.error}` : 'ok') : 'running or interrupted';
    io.stdout.write(
      `  ${run.startedAt.toISOString()}  ${run.job.padEnd(9)} as of ${run.asOf.toISOString()}  ` +
        `sent ${run.sent}, skipped ${run.skipped}, failed ${run.failed}  ${state}  (${run.instanceId})\n`,
    );
  }
  const failures = await listRecentDeliveryFailures(handle.db, { limit: 20 });
  io.stdout.write(failures.length === 0 ? 'No delivery failures.\n' : 'Delivery failures:\n');
  for (const failure of failures) {
    const retrying = failure.status === 'claimed' ? ' (will retry)' : '';
    io.stdout.write(
      `  ${failure.claimedAt.toISOString()}  ${failure.kind} to ${failure.recipientId} [${failure.workspaceId}]: ${failure.error}${retrying}\n`,
    );
  }
  return 0;
}
