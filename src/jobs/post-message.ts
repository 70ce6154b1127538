import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { OutgoingMessage, PostResult, SendMessage } from '../slack/dependencies.js';
import type { Clock, Pacer } from './pacer.js';

/**
 * Errors of the bot token itself, so every message to the workspace fails alike, whoever it was for. From the
 * documented errors of chat.postMessage (https://docs.slack.dev/reference/methods/chat.postMessage#errors):
 * `account_inactive`, `token_revoked`, `token_expired`, `not_authed`, `missing_scope`,
 * `not_allowed_token_type`; and `invalid_auth`, which Slack answers for a token it does not know on every method
 * (documented on auth.test, https://docs.slack.dev/reference/methods/auth.test).
 */
export const WORKSPACE_WIDE_SLACK_ERRORS: ReadonlySet<string> = new Set([
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_authed',
  'invalid_auth',
  'missing_scope',
  'not_allowed_token_type',
]);

/**
 * chat.postMessage's documented errors that trying again cannot cure (same page): the channel or the app's
 * Messages tab is closed to the bot, the message itself is refused, or the token is.
 */
export const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set([
  ...WORKSPACE_WIDE_SLACK_ERRORS,
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'messages_tab_disabled',
  'restricted_action',
  'restricted_action_read_only_channel',
  'ekm_access_denied',
  'access_denied',
  'no_permission',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_blocks_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
]);

const MAX_RATE_LIMIT_RETRIES = 8;

/** The message's claim passed to another instance while this one waited out a 429: that one sends it. */
export const CLAIM_LOST = 'claim_lost';
/** The pass's deadline came before the message went out: nothing reached Slack. */
export const DEADLINE_BEFORE_SENDING = 'deadline_before_sending';
/** The pass's deadline came while Slack had not answered: Slack may or may not have the message. */
export const DEADLINE_UNANSWERED = 'deadline_unanswered';

export interface PostOptions {
  workspaceId: string;
  /** Asked before each attempt: whether the message is still this sender's to send. */
  stillOurs?: () => Promise<boolean>;
  /** The pass's deadline: waits end and an unanswered call is left behind when it fires. */
  deadline?: AbortSignal;
}

/**
 * Posts one message through the pacer. A 429 (the client hands it back at once) holds the whole workspace off
 * for Retry-After and tries again. Every other error is classified, never thrown.
 */
export async function postPaced(
  deps: { client: WebClient; pacer: Pacer; clock: Clock },
  message: OutgoingMessage,
  options: PostOptions,
): Promise<PostResult> {
  const { workspaceId, stillOurs, deadline } = options;
  for (let attempt = 0; ; attempt++) {
    await deps.pacer.acquire(workspaceId, message.channel, deadline);
    if (deadline?.aborted) return { ok: false, error: DEADLINE_BEFORE_SENDING, permanent: false };
    if (stillOurs && !(await stillOurs())) return { ok: false, error: CLAIM_LOST, permanent: false };
    try {
      const response = await untilDeadline(deps.client.chat.postMessage(message), deadline);
      if (response === DEADLINE_UNANSWERED) return { ok: false, error: response, permanent: false };
      return { ok: true, ts: response.ts ?? null };
    } catch (error) {
      const retryAfter = rateLimitedFor(error);
      if (retryAfter !== undefined && attempt < MAX_RATE_LIMIT_RETRIES) {
        await deps.pacer.holdOff(workspaceId, retryAfter * 1000);
        await deps.clock.sleep(retryAfter * 1000, deadline);
        continue;
      }
      const code = slackErrorCode(error);
      return { ok: false, error: code, permanent: PERMANENT_SLACK_ERRORS.has(code) };
    }
  }
}

/**
 * The call's answer, or DEADLINE_UNANSWERED as soon as the deadline fires: a call Slack never answers must not
 * hold the pass. The call itself runs on until the client's timeout ends it; its late outcome is dropped.
 */
function untilDeadline<T>(
  call: Promise<T>,
  deadline: AbortSignal | undefined,
): Promise<T | typeof DEADLINE_UNANSWERED> {
  if (!deadline) return call;
  if (deadline.aborted) {
    call.catch(() => {});
    return Promise.resolve(DEADLINE_UNANSWERED);
  }
  return new Promise((resolve, reject) => {
    const giveUp = () => resolve(DEADLINE_UNANSWERED);
    deadline.addEventListener('abort', giveUp, { once: true });
    call.then(resolve, reject).finally(() => deadline.removeEventListener('abort', giveUp));
  });
}

/** How listeners post (confirmations, replies, a digest on demand): through the same pacer as the jobs. */
export function createMessageSender(deps: { pacer: Pacer; clock: Clock; logger: Logger }): SendMessage {
  return async (client, workspaceId, message) => {
    const result = await postPaced({ client, ...deps }, message, { workspaceId });
    if (!result.ok) deps.logger.warn(`a message to ${message.channel} was not sent: ${result.error}`);
    return result;
  };
}

function rateLimitedFor(error: unknown): number | undefined {
  const candidate = error as { code?: string; retryAfter?: number };
  return candidate.code === 'slack_webapi_rate_limited_error' ? (candidate.retryAfter ?? 1) : undefined;
}

export function slackErrorCode(error: unknown): string {
  const candidate = error as { data?: { error?: string }; code?: string; message?: string };
  return candidate.data?.error ?? candidate.code ?? candidate.message ?? String(error);
}
