import type { Logger } from '@slack/bolt';
import type { Database } from '../db/client.js';
import {
  CLAIM_LEASE_MS,
  claimDelivery,
  type Delivery,
  deliveryKeyText,
  markDeliveryFailed,
  markDeliverySent,
  noteDeliveryError,
  releaseClaim,
  renewClaim,
} from '../db/queries/deliveries.js';
import { finishJobRun, type JobTally, startJobRun } from '../db/queries/job-runs.js';
import { findWorkspaceSettings } from '../db/queries/workspace-settings.js';
import type { SlackMessage } from '../slack/blocks/confirmation.js';
import { renderFailureAlert } from '../slack/blocks/failure-alert.js';
import { SLACK_CALL_TIMEOUT_MS } from '../slack/node-http-fetch.js';
import type { WorkspaceClients } from '../slack/workspace-clients.js';
import { deliveryMetadata, findEarlierDelivery } from './find-delivered.js';
import type { Clock, Pacer } from './pacer.js';
import {
  CLAIM_LOST,
  DEADLINE_BEFORE_SENDING,
  DEADLINE_UNANSWERED,
  postPaced,
  WORKSPACE_WIDE_SLACK_ERRORS,
} from './post-message.js';

export interface JobDependencies {
  db: Database;
  /** Each message goes out with the token of the workspace it is for. */
  clients: WorkspaceClients;
  logger: Logger;
  instanceId: string;
  pacer: Pacer;
  clock: Clock;
  /**
   * The pass ends when this fires: no new item starts, waits end, an unanswered Slack call is left behind, and
   * the claims not sent are released for the next tick.
   */
  deadline: AbortSignal;
}

export type ItemOutcome = keyof JobTally;

/**
 * The pass's as-of time moved on by the time the pass has taken so far. Claims carry it, so a claim taken
 * forty minutes into a long fan-out is not mistaken by another instance for one forty minutes old.
 */
export type PassTime = () => Date;

/** The error recorded for a message whose workspace has no bot token any more. */
export const NOT_INSTALLED = 'workspace_not_installed';

/** A message that failed for a passing reason this many times is given up and reported. */
const MAX_ATTEMPTS = 5;
/**
 * Senders working at once: enough to keep the pacer's slots filled while the database builds the next message
 * (about eight queries each). Four fell 20-45% behind a 200/s budget on a busy two-core machine; eight kept
 * within 17%. Each holds at most one pooled connection at a time.
 */
export const SEND_CONCURRENCY = 8;

/**
 * Sends a claimed message and records the result: sent (with its ts), failed for good (reported once to the
 * manager channel), or left claimed with the error so the lease brings it back on a later tick. A claim taken
 * over (from a process that died, or after a failure whose outcome Slack never told) is first looked for in
 * the DM's history, so a message Slack already has is recorded rather than sent twice.
 */
export async function sendClaimed(
  deps: JobDependencies,
  params: {
    claim: Delivery;
    channel: string;
    message: SlackMessage;
    at: PassTime;
    /** Who hears of a permanent failure; by default the manager channel. */
    reportTo?: string;
  },
): Promise<ItemOutcome> {
  const { claim, at } = params;
  const client = await deps.clients.forWorkspace(claim.workspaceId);
  if (!client) {
    // Uninstalled between listing and sending: nothing more goes to that workspace, and nobody there can be told.
    await markDeliveryFailed(deps.db, { id: claim.id, error: NOT_INSTALLED });
    return 'failed';
  }
  if (deps.deadline.aborted) return release(deps, claim, { callLeftUnanswered: false, at });
  if (claim.attempts > 1) {
    const earlier = await findEarlierDelivery(client, {
      channel: params.channel,
      deliveryKey: deliveryKeyText(claim),
    });
    if (earlier.kind === 'found') {
      deps.logger.warn(
        `${claim.kind} to ${claim.recipientId} had reached Slack before; recorded, not resent`,
      );
      await recordSentDespiteOutage(deps, { id: claim.id, messageTs: earlier.ts, now: at() });
      return 'skipped';
    }
    if (earlier.kind === 'unknown' && !earlier.permanent) {
      return recordFailure(deps, { claim, error: earlier.error, permanent: false, at, reportTo: undefined });
    }
    if (earlier.kind === 'unknown') {
      deps.logger.warn(
        `could not look for an earlier ${claim.kind} to ${claim.recipientId} (${earlier.error})`,
      );
    }
  }
  const result = await postPaced(
    { ...deps, client },
    { channel: params.channel, ...params.message, metadata: deliveryMetadata(deliveryKeyText(claim)) },
    { workspaceId: claim.workspaceId, stillOurs: keepClaim(deps, claim, at), deadline: deps.deadline },
  );
  if (result.ok) {
    await recordSentDespiteOutage(deps, { id: claim.id, messageTs: result.ts, now: at() });
    return 'sent';
  }
  if (result.error === CLAIM_LOST) return 'skipped';
  if (result.error === DEADLINE_BEFORE_SENDING || result.error === DEADLINE_UNANSWERED) {
    return release(deps, claim, { callLeftUnanswered: result.error === DEADLINE_UNANSWERED, at });
  }
  return recordFailure(deps, {
    claim,
    error: result.error,
    permanent: result.permanent,
    at,
    reportTo: params.reportTo,
  });
}

async function recordFailure(
  deps: JobDependencies,
  params: { claim: Delivery; error: string; permanent: boolean; at: PassTime; reportTo: string | undefined },
): Promise<ItemOutcome> {
  const { claim, error, at } = params;
  if (!params.permanent && claim.attempts < MAX_ATTEMPTS) {
    deps.logger.warn(`${claim.kind} to ${claim.recipientId} failed (${error}); retrying on a later tick`);
    await noteDeliveryError(deps.db, { id: claim.id, error });
    return 'failed';
  }
  deps.logger.warn(`${claim.kind} to ${claim.recipientId} failed for good: ${error}`);
  await markDeliveryFailed(deps.db, { id: claim.id, error: error });
  if (claim.kind !== 'failure_alert') {
    await reportFailure(deps, { claim, error, at, reportTo: params.reportTo });
  }
  return 'failed';
}

/**
 * The pass's deadline came first: the claim goes back for the next tick. One whose call Slack had not answered
 * is left until that call has surely ended (the client's timeout), and keeps its attempt, so the next sender
 * looks in the DM's history before sending.
 */
async function release(
  deps: JobDependencies,
  claim: Delivery,
  params: { callLeftUnanswered: boolean; at: PassTime },
): Promise<ItemOutcome> {
  await releaseClaim(deps.db, {
    id: claim.id,
    instanceId: deps.instanceId,
    retakeFrom: params.callLeftUnanswered ? new Date(params.at().getTime() + SLACK_CALL_TIMEOUT_MS) : null,
    attemptMade: params.callLeftUnanswered,
  });
  return 'skipped';
}

/**
 * A claim older than this when its message is about to go out is renewed first: with the call's own timeout
 * after it, the claim is never older than a third of its lease plus that timeout while this sender holds it.
 */
const RENEW_CLAIM_AFTER_MS = CLAIM_LEASE_MS / 3;

/**
 * Before each attempt: a claim that has waited long (a Retry-After, the pacer held off by another sender's 429)
 * is renewed so its lease cannot run out under it; false when another instance has taken it over meanwhile.
 */
function keepClaim(deps: JobDependencies, claim: Delivery, at: PassTime): () => Promise<boolean> {
  let renewedAt = claim.claimedAt.getTime();
  return async () => {
    const now = at();
    if (now.getTime() - renewedAt < RENEW_CLAIM_AFTER_MS) return true;
    renewedAt = now.getTime();
    return renewClaim(deps.db, { id: claim.id, instanceId: deps.instanceId, now });
  };
}

/** Waits between attempts to record a send while the database is away: 0.1 s doubling to 10 s, ~2 minutes in all. */
const RECORD_RETRY_DELAYS_MS = [
  100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000,
  10_000,
];

/**
 * Slack has the message now, so the claim must become `sent`: a taker would find a DM in its history, but a
 * channel's message it would send again. A database that is briefly away (a restart, a failover) is waited
 * out, in real time.
 */
async function recordSentDespiteOutage(
  deps: JobDependencies,
  params: { id: number; messageTs: string | null; now: Date },
): Promise<void> {
  for (const delayMs of [...RECORD_RETRY_DELAYS_MS, undefined]) {
    try {
      await markDeliverySent(deps.db, params);
      return;
    } catch (error) {
      if (delayMs === undefined) throw error;
      deps.logger.warn(`could not record delivery ${params.id} as sent; retrying in ${delayMs} ms`, error);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** Tells the workspace's manager channel (or `reportTo`), once per recipient and error. */
async function reportFailure(
  deps: JobDependencies,
  params: { claim: Delivery; error: string; at: PassTime; reportTo: string | undefined },
): Promise<void> {
  const { claim, error, at } = params;
  const settings = await findWorkspaceSettings(deps.db, { workspaceId: claim.workspaceId });
  const reportTo = params.reportTo ?? settings.managerChannelId;
  if (!reportTo || reportTo === claim.recipientId) return;
  const alert = await claimDelivery(deps.db, {
    workspaceId: claim.workspaceId,
    key: {
      kind: 'failure_alert',
      // A dead token fails every message alike: one alert for the workspace, not one per rep.
      subject: WORKSPACE_WIDE_SLACK_ERRORS.has(error) ? 'workspace' : claim.recipientId,
      reportedError: error,
    },
    recipientId: reportTo,
    instanceId: deps.instanceId,
    now: at(),
  });
  if (!alert) return;
  const message = renderFailureAlert({ kind: claim.kind, recipientId: claim.recipientId, error });
  await sendClaimed(deps, { claim: alert, channel: reportTo, message, at });
}

/**
 * Every pass leaves a job_runs row with what it sent, skipped and failed, and the error that stopped it.
 * Items are handled by a few workers at once; one item's error never stops the others.
 */
export async function recordJobRun<Item>(
  deps: JobDependencies,
  params: {
    job: string;
    now: Date;
    list: () => Promise<Item[]>;
    handle: (item: Item, at: PassTime) => Promise<ItemOutcome>;
  },
): Promise<JobTally> {
  const tally: JobTally = { sent: 0, skipped: 0, failed: 0 };
  const started = deps.clock.now();
  const at: PassTime = () => new Date(params.now.getTime() + Math.max(0, deps.clock.now() - started));
  const runId = await startJobRun(deps.db, {
    job: params.job,
    instanceId: deps.instanceId,
    asOf: params.now,
    startedAt: new Date(deps.clock.now()),
  });
  let runError: string | null = null;
  try {
    const items = await params.list();
    let next = 0;
    const worker = async () => {
      while (next < items.length && !deps.deadline.aborted) {
        const item = items[next++] as Item;
        try {
          tally[await params.handle(item, at)]++;
        } catch (error) {
          tally.failed++;
          deps.logger.error(`${params.job}: one item failed`, error);
        }
      }
    };
    await Promise.all(Array.from({ length: SEND_CONCURRENCY }, worker));
    if (next < items.length) {
      runError = `stopped at its deadline with ${items.length - next} of ${items.length} left for the next tick`;
      deps.logger.warn(`${params.job}: ${runError}`);
    }
  } catch (error) {
    runError = (error as Error).message;
    deps.logger.error(`${params.job} pass failed`, error);
  } finally {
    await finishJobRun(deps.db, {
      id: runId,
      tally,
      error: runError,
      finishedAt: new Date(deps.clock.now()),
    });
  }
  return tally;
}
