import { createHmac } from 'node:crypto';

/**
 * Requests as Slack sends them to the Bolt HTTP receiver: signed with the app's signing secret, form-encoded
 * (commands, interactions) or JSON (events). Forgery options let tests prove Bolt refuses what Slack never sent.
 */

export const EVENTS_PATH = '/slack/events';
const FAKE_APP_ID = 'A0FAKEAPP';
/** Bolt refuses timestamps older than five minutes; six is safely stale. */
const STALE_BY_SECONDS = 6 * 60;

export interface SlackSignatureHeaders {
  'X-Slack-Signature': string;
  'X-Slack-Request-Timestamp': string;
}

export interface SendOptions {
  /** Sign with a different secret than the receiver's. */
  wrongSecret?: boolean;
  /** Sign with a timestamp more than five minutes old. */
  staleTimestamp?: boolean;
  /** Sign the body, then change it before sending. */
  tamperBody?: boolean;
  /** Unix seconds to sign with; defaults to now. */
  timestamp?: number;
}

export interface EventSendOptions extends SendOptions {
  /** Slack's retry counter for redelivered events (1..3). */
  retryNum?: number;
  retryReason?: string;
}

export interface ReceiverResponse {
  status: number;
  body: string;
  json?: unknown;
}

export function signBody(secret: string, body: string, timestamp = nowInSeconds()): SlackSignatureHeaders {
  const digest = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'X-Slack-Signature': `v0=${digest}`, 'X-Slack-Request-Timestamp': String(timestamp) };
}

function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** POSTs `body` to the receiver, signed (or forged) as `options` say. */
export async function sendSignedRequest(
  baseUrl: string,
  secret: string,
  body: string,
  contentType: string,
  options: SendOptions & { headers?: Record<string, string> } = {},
): Promise<ReceiverResponse> {
  const timestamp = options.timestamp ?? nowInSeconds() - (options.staleTimestamp ? STALE_BY_SECONDS : 0);
  const signingSecret = options.wrongSecret ? `${secret}-forged` : secret;
  const signature = signBody(signingSecret, body, timestamp);
  const sentBody = options.tamperBody ? tamper(body, contentType) : body;
  const response = await fetch(new URL(EVENTS_PATH, baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...signature, ...options.headers },
    body: sentBody,
  });
  const text = await response.text();
  return { status: response.status, body: text, ...parseJson(text) };
}

/** Changes the body without breaking its format, so only the signature can catch it. */
function tamper(body: string, contentType: string): string {
  if (contentType === 'application/json') return body.replace(/}\s*$/, ',"tampered":true}');
  return `${body}&tampered=true`;
}

function parseJson(text: string): { json?: unknown } {
  try {
    return { json: JSON.parse(text) };
  } catch {
    return {};
  }
}

export interface SlashCommandFields {
  command?: string;
  text?: string;
  user_id: string;
  team_id: string;
  channel_id?: string;
  trigger_id?: string;
  response_url?: string;
  [field: string]: string | undefined;
}

/** Slash commands arrive as form fields; Bolt parses them only under this exact Content-Type. */
export function sendSlashCommand(
  baseUrl: string,
  secret: string,
  fields: SlashCommandFields,
  options: SendOptions = {},
): Promise<ReceiverResponse> {
  return sendSignedRequest(
    baseUrl,
    secret,
    slashCommandBody(fields),
    'application/x-www-form-urlencoded',
    options,
  );
}

/** The form body Slack posts for a slash command, with Slack's other fields filled in. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return formEncode({
    command: '/followup',
    text: '',
    channel_id: `D${fields.user_id.slice(1)}`,
    channel_name: 'directmessage',
    user_name: fields.user_id.toLowerCase(),
    team_domain: 'fake',
    api_app_id: FAKE_APP_ID,
    token: 'legacy-verification-token',
    response_url: `https://hooks.slack.test/commands/${fields.team_id}/1/${fields.user_id}`,
    trigger_id: 'trigger-not-issued-by-the-fake',
    ...fields,
  });
}

/** Interactions (block actions, view submissions, shortcuts) arrive as one form field: payload=<json>. */
export function sendInteraction(
  baseUrl: string,
  secret: string,
  payload: object,
  options: SendOptions = {},
): Promise<ReceiverResponse> {
  return sendSignedRequest(
    baseUrl,
    secret,
    interactionBody(payload),
    'application/x-www-form-urlencoded',
    options,
  );
}

/** The form body Slack posts for an interaction: one field, payload=<json>. */
export function interactionBody(payload: object): string {
  return formEncode({ payload: JSON.stringify(payload) });
}

/** Events arrive as JSON; redeliveries carry x-slack-retry-num, which a handler must treat idempotently. */
export function sendEvent(
  baseUrl: string,
  secret: string,
  envelope: EventEnvelope,
  options: EventSendOptions = {},
): Promise<ReceiverResponse> {
  const headers: Record<string, string> = {};
  if (options.retryNum !== undefined) {
    headers['X-Slack-Retry-Num'] = String(options.retryNum);
    headers['X-Slack-Retry-Reason'] = options.retryReason ?? 'http_timeout';
  }
  return sendSignedRequest(baseUrl, secret, JSON.stringify(envelope), 'application/json', {
    ...options,
    headers,
  });
}

function formEncode(fields: Record<string, string | undefined>): string {
  const defined = Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return new URLSearchParams(defined).toString();
}

// ---------------------------------------------------------------------------------------------------------------
// Payload builders, shaped like Slack's

export interface EventEnvelope {
  type: 'event_callback';
  token: string;
  team_id: string;
  api_app_id: string;
  event: Record<string, unknown> & { type: string };
  event_id: string;
  event_time: number;
  authorizations: Array<{ team_id: string; user_id: string; is_bot: boolean; enterprise_id: null }>;
  is_ext_shared_channel: boolean;
}

let eventSequence = 0;

/** Wraps an event the way the Events API delivers it; pass the same envelope again to simulate a retry. */
export function eventCallback(
  event: Record<string, unknown> & { type: string },
  options: { team_id: string; bot_user_id?: string; event_id?: string; event_time?: number },
): EventEnvelope {
  const eventTime = options.event_time ?? nowInSeconds();
  return {
    type: 'event_callback',
    token: 'legacy-verification-token',
    team_id: options.team_id,
    api_app_id: FAKE_APP_ID,
    event: { event_ts: `${eventTime}.000100`, ...event },
    event_id: options.event_id ?? `Ev${String(++eventSequence).padStart(8, '0')}`,
    event_time: eventTime,
    authorizations: [
      {
        team_id: options.team_id,
        user_id: options.bot_user_id ?? 'U0FAKEBOT',
        is_bot: true,
        enterprise_id: null,
      },
    ],
    is_ext_shared_channel: false,
  };
}

function userOf(userId: string, teamId: string) {
  return { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId };
}

function teamOf(teamId: string) {
  return { id: teamId, domain: 'fake' };
}

/** `view.state.values` as Slack sends it: block_id -> action_id -> the element's state. */
export type ViewStateValues = Record<string, Record<string, { type: string } & Record<string, unknown>>>;

export interface ViewSubmissionInput {
  user: string;
  team: string;
  callback_id: string;
  private_metadata?: string;
  values: ViewStateValues;
  view_id?: string;
  trigger_id?: string;
  /** For a view pushed over another: the modal's first view and the one just under this. */
  root_view_id?: string;
  previous_view_id?: string;
}

export function viewSubmissionPayload(input: ViewSubmissionInput) {
  return viewPayload('view_submission', input);
}

/**
 * A view_closed payload (docs.slack.dev/reference/interaction-payloads/view-interactions-payload): sent when
 * the user cancels or goes "Back" from a view that set notify_on_close; like a submission it carries the view
 * with its state, and `is_cleared` says whether the whole modal was closed.
 */
export function viewClosedPayload(input: ViewSubmissionInput & { is_cleared?: boolean }) {
  return { ...viewPayload('view_closed', input), is_cleared: input.is_cleared ?? false };
}

function viewPayload(type: 'view_submission' | 'view_closed', input: ViewSubmissionInput) {
  const viewId = input.view_id ?? 'V0FAKEVIEW';
  return {
    type,
    team: teamOf(input.team),
    user: userOf(input.user, input.team),
    api_app_id: FAKE_APP_ID,
    token: 'legacy-verification-token',
    trigger_id: input.trigger_id ?? 'trigger-not-issued-by-the-fake',
    view: {
      id: viewId,
      team_id: input.team,
      type: 'modal',
      callback_id: input.callback_id,
      private_metadata: input.private_metadata ?? '',
      state: { values: input.values },
      hash: `${nowInSeconds()}.fakehash`,
      title: { type: 'plain_text', text: 'Follow-Up Coach' },
      blocks: [],
      app_id: FAKE_APP_ID,
      bot_id: 'B0FAKEBOT',
      root_view_id: input.root_view_id ?? viewId,
      previous_view_id: input.previous_view_id ?? null,
      external_id: '',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/**
 * What Slack posts to the options load URL while a user types in an external_select (a block_suggestion,
 * docs.slack.dev/reference/interaction-payloads/block_suggestion-payload): the typed `value`, the element's
 * block and action ids, and the view it sits in. The app answers with up to 100 options.
 */
export function blockSuggestionPayload(input: {
  user: string;
  team: string;
  action_id: string;
  block_id: string;
  value: string;
  view?: { id: string; callback_id: string; private_metadata?: string };
}) {
  return {
    type: 'block_suggestion',
    user: userOf(input.user, input.team),
    container: input.view ? { type: 'view', view_id: input.view.id } : { type: 'message' },
    api_app_id: FAKE_APP_ID,
    token: 'legacy-verification-token',
    action_id: input.action_id,
    block_id: input.block_id,
    value: input.value,
    team: teamOf(input.team),
    enterprise: null,
    is_enterprise_install: false,
    ...(input.view
      ? {
          view: {
            id: input.view.id,
            team_id: input.team,
            type: 'modal',
            callback_id: input.view.callback_id,
            private_metadata: input.view.private_metadata ?? '',
            state: { values: {} },
            app_id: FAKE_APP_ID,
            bot_id: 'B0FAKEBOT',
          },
        }
      : {}),
  };
}

export interface BlockAction {
  action_id: string;
  block_id: string;
  type: string;
  [field: string]: unknown;
}

export interface BlockActionsInput {
  user: string;
  team: string;
  actions: BlockAction[];
  trigger_id?: string;
  /** Where the clicked element lives: a message (channel + ts) or a view (Home tab, modal). */
  message?: { channel: string; ts: string; text?: string; blocks?: unknown[] };
  view?: {
    id: string;
    type: 'home' | 'modal';
    callback_id?: string;
    private_metadata?: string;
    hash?: string;
    root_view_id?: string;
  };
  state?: ViewStateValues;
}

export function blockActionsPayload(input: BlockActionsInput) {
  const actionTs = `${nowInSeconds()}.000200`;
  return {
    type: 'block_actions',
    team: teamOf(input.team),
    user: userOf(input.user, input.team),
    api_app_id: FAKE_APP_ID,
    token: 'legacy-verification-token',
    trigger_id: input.trigger_id ?? 'trigger-not-issued-by-the-fake',
    container: containerOf(input),
    ...(input.message
      ? {
          channel: { id: input.message.channel, name: 'directmessage' },
          message: {
            type: 'message',
            ts: input.message.ts,
            text: input.message.text ?? '',
            blocks: input.message.blocks ?? [],
          },
          response_url: `https://hooks.slack.test/actions/${input.team}/1/${input.user}`,
        }
      : {}),
    ...(input.view
      ? { view: { team_id: input.team, state: { values: input.state ?? {} }, ...input.view } }
      : {}),
    ...(input.state ? { state: { values: input.state } } : {}),
    actions: input.actions.map((action) => ({ action_ts: actionTs, ...action })),
    is_enterprise_install: false,
    enterprise: null,
  };
}

function containerOf(input: BlockActionsInput) {
  if (input.view) return { type: 'view', view_id: input.view.id };
  if (input.message) {
    return {
      type: 'message',
      message_ts: input.message.ts,
      channel_id: input.message.channel,
      is_ephemeral: false,
    };
  }
  throw new Error('a block action happens in a message or a view: pass one');
}

export interface MessageShortcutInput {
  user: string;
  team: string;
  callback_id: string;
  channel: string;
  message: { ts: string; text: string; user?: string };
  trigger_id?: string;
}

export function messageShortcutPayload(input: MessageShortcutInput) {
  return {
    type: 'message_action',
    callback_id: input.callback_id,
    trigger_id: input.trigger_id ?? 'trigger-not-issued-by-the-fake',
    message_ts: input.message.ts,
    action_ts: `${nowInSeconds()}.000300`,
    team: teamOf(input.team),
    user: userOf(input.user, input.team),
    channel: { id: input.channel, name: 'deals' },
    message: { type: 'message', user: input.message.user ?? input.user, ...input.message },
    response_url: `https://hooks.slack.test/shortcuts/${input.team}/1/${input.user}`,
    token: 'legacy-verification-token',
    is_enterprise_install: false,
    enterprise: null,
  };
}
