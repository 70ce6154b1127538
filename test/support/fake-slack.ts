import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BlockKitSurface, findBlockKitViolations } from './block-kit-limits.js';
import { type Approval, createFakeOAuth, type FakeOAuth, type FakeOAuthApp } from './fake-slack-oauth.js';

/**
 * A fake of Slack's Web API at the network boundary: the real WebClient (inside the real Bolt App) talks HTTP to
 * it. It enforces the platform rules from SLACK.md (Block Kit limits, trigger expiry, rate limits) and records
 * every call, so tests can assert what Slack would have seen.
 */

export interface FakeUser {
  id: string;
  name?: string;
  real_name?: string;
  /** IANA zone name, the only field our scheduling trusts. */
  tz?: string;
  tz_label?: string;
  tz_offset?: number;
  deleted?: boolean;
  is_bot?: boolean;
  /** users.info's workspace admin and owner flags (https://api.slack.com/types/user). */
  is_admin?: boolean;
  is_owner?: boolean;
  /** The workspace the person belongs to; users.info answers user_not_found to another workspace's token. */
  teamId?: string;
}

/** A channel as conversations.info describes it (https://api.slack.com/types/conversation). */
export interface FakeChannel {
  id: string;
  name?: string;
  is_private?: boolean;
  /** Whether the bot is in it. */
  is_member?: boolean;
  is_archived?: boolean;
}

export interface FakeWorkspace {
  /** Bot token of this workspace; undefined accepts any `xoxb-` token. */
  token?: string;
  teamId: string;
  /** The workspace's name, as oauth.v2.access reports it in `team.name`. */
  name?: string;
  botUserId: string;
  botId: string;
}

export interface RateLimitRule {
  limit: number;
  windowMs: number;
  /** 'channel' counts per target channel (a user id counts as that user's DM), 'workspace' per token's team. */
  per: 'workspace' | 'channel';
}

/** Rules per Web API method; a method absent here, or with no rules, is never rate limited. */
export type RateLimits = Record<string, RateLimitRule[]>;

/**
 * `neverAnswer` keeps the request open with no reply at all, as a hung network path or a stalled edge would:
 * what the WebClient's `timeout` option (WebClientOptions.timeout) and the jobs' pass deadline exist for.
 * 'before_acting': Slack never got the call; 'after_acting': Slack did what was asked (a message is posted) and
 * the answer never came back, so the caller cannot know.
 */
export type Fault =
  | { status: number }
  | { error: string }
  | { ratelimited: number }
  | { neverAnswer: 'before_acting' | 'after_acting' };

export interface RecordedCall {
  method: string;
  /** Arguments as sent, with `blocks`, `attachments`, `view` and `metadata` parsed back from JSON. */
  args: Record<string, unknown>;
  status: number;
  ok: boolean;
  error?: string;
  teamId?: string;
  /** The fake's clock, in milliseconds. */
  at: number;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown;
  thread_ts?: string;
  /** Message metadata as posted: `event_type` and `event_payload` (https://docs.slack.dev/messaging/message-metadata). */
  metadata?: unknown;
}

/**
 * A file shared with files.completeUploadExternal. In Slack it also shows as a message in the channel, with the
 * file; the fake keeps files apart from messagesTo, which holds chat.postMessage's.
 */
export interface SharedFile {
  id: string;
  channel: string;
  filename: string;
  title?: string;
  /** The bytes POSTed to the upload URL, as UTF-8 text. */
  content: string;
  /** The message the file came with. */
  initial_comment?: string;
}

export interface FakeSlackOptions {
  /** Milliseconds since the epoch; inject one to test rate limits and trigger expiry without sleeping. */
  clock?: () => number;
  /** Defaults to one workspace accepting any `xoxb-` token. Given: only these tokens are valid. */
  workspaces?: FakeWorkspace[];
  users?: FakeUser[];
  /** Channels the fake knows; any other C id is a public channel the bot has not joined. */
  channels?: FakeChannel[];
  /** Replaces the default rules of the methods named. */
  rateLimits?: RateLimits;
  /**
   * Benchmarks replay one signed request thousands of times, so one trigger_id must open many modals there;
   * tests keep Slack's single-use, 3-second rule (the default).
   */
  acceptAnyTriggerId?: boolean;
  /**
   * The app as Slack knows it for OAuth: the workspaces install it through approve() and oauth.v2.access, and the
   * Web API accepts only the tokens issued that way (a workspace's own `token`, if given, too).
   */
  oauth?: FakeOAuthApp;
}

export interface FakeSlack {
  /** Base URL for `slackApiUrl`, ending in `/api/`. */
  url: string;
  readonly calls: readonly RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Modal and Home views as last opened, pushed or updated, oldest first, with their place in a stack. */
  views(): Array<{ id: string; view: Record<string, unknown>; rootViewId?: string; previousViewId?: string }>;
  /** Messages posted with chat.postMessage to a channel, or to a user's DM (by user id or D channel id). */
  messagesTo(userOrChannel: string): PostedMessage[];
  /** Files shared in a channel, or in a user's DM (by user id or D channel id), oldest first. */
  filesIn(userOrChannel: string): SharedFile[];
  /**
   * A trigger_id as Slack puts in a command or interaction: single use, expires 3 s after issue. Give the
   * view an interaction happened in (a button in a modal) to let views.push stack a view over it.
   */
  issueTriggerId(fromViewId?: string): string;
  addUser(user: FakeUser): void;
  addChannel(channel: FakeChannel): void;
  setDeletedUser(userId: string): void;
  /**
   * Every chat.* call to this channel (or user's DM) fails with `error` until reset: a channel the bot lost, for
   * tests of permanent failures that must hit one recipient whatever order the sends go in.
   */
  failPostsTo(userOrChannel: string, error: string): void;
  /** The next `count` calls to `method` fail this way, before any other check. */
  failNext(method: string, fault: Fault, count?: number): void;
  setLatency(ms: number): void;
  /** OAuth: a person allows the install; returns where Slack sends the browser (redirect URL, code, state). */
  approveInstall(authorizeUrl: string, approval: Approval): string;
  /** OAuth: a person cancels on the consent page; returns the redirect with error=access_denied. */
  denyInstall(authorizeUrl: string, redirectUrl: string): string;
  /** OAuth: the app is removed from the workspace, and its token stops working (token_revoked). */
  uninstall(teamId: string): void;
  /** OAuth: the bot token a workspace holds now, to prove it never shows where it should not. */
  tokenOf(teamId: string): string | undefined;
  /** Forgets calls, messages, views, triggers, faults and rate windows; users return to the seeded ones. */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_WORKSPACE: FakeWorkspace = {
  teamId: 'T0FAKE',
  botUserId: 'U0FAKEBOT',
  botId: 'B0FAKEBOT',
};

const TRIGGER_LIFETIME_MS = 3000;
/** A modal holds at most three views: the one opened and two pushed over it. */
const MODAL_STACK_LIMIT = 3;
const SCHEDULE_HORIZON_MS = 120 * 24 * 60 * 60 * 1000;
const SCHEDULE_WINDOW_SECONDS = 5 * 60;
const SCHEDULED_PER_CHANNEL_WINDOW = 30;
const JSON_ARGUMENTS = ['blocks', 'attachments', 'view', 'metadata', 'files'];

const perMinute = (limit: number): RateLimitRule[] => [{ limit, windowMs: 60_000, per: 'workspace' }];

/** SLACK.md's tiers: tier 2 = 20/min, tier 3 = 50/min, tier 4 = 100/min; chat.postMessage is special. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  'chat.postMessage': [
    { limit: 1, windowMs: 1000, per: 'channel' },
    { limit: 300, windowMs: 60_000, per: 'workspace' },
  ],
  'chat.postEphemeral': perMinute(100),
  'chat.update': perMinute(50),
  'chat.scheduleMessage': perMinute(50),
  'conversations.open': perMinute(50),
  'conversations.info': perMinute(50),
  'conversations.history': perMinute(50),
  'views.open': perMinute(100),
  'views.update': perMinute(100),
  'views.push': perMinute(100),
  'views.publish': perMinute(100),
  'users.info': perMinute(100),
  'users.list': perMinute(20),
  // Tier 4 on both methods' pages.
  'files.getUploadURLExternal': perMinute(100),
  'files.completeUploadExternal': perMinute(100),
};

type Args = Record<string, unknown>;

interface Reply {
  status: number;
  body: Record<string, unknown> | string;
  headers?: Record<string, string>;
}

interface StoredView {
  id: string;
  externalId?: string;
  hash: string;
  view: Record<string, unknown>;
  /** The modal's stack: the view opened first, and the one this view was pushed over. */
  rootViewId?: string;
  previousViewId?: string;
}

interface ScheduledMessage {
  channel: string;
  postAt: number;
}

/** A file between files.getUploadURLExternal and files.completeUploadExternal. */
interface PendingUpload {
  filename: string;
  length: number;
  teamId: string;
  /** Set once its bytes were POSTed to the upload URL. */
  content?: Buffer;
}

interface State {
  calls: RecordedCall[];
  messages: PostedMessage[];
  uploads: Map<string, PendingUpload>;
  files: SharedFile[];
  scheduled: ScheduledMessage[];
  views: Map<string, StoredView>;
  triggers: Map<string, { issuedAt: number; used: boolean; fromViewId?: string }>;
  faults: Map<string, Fault[]>;
  /** Per channel (DMs by their D id): the error every chat.* call to it gets. */
  channelFaults: Map<string, string>;
  users: Map<string, FakeUser>;
  channels: Map<string, FakeChannel>;
  latencyMs: number;
  sequence: number;
}

interface Context {
  state: State;
  clock: () => number;
  workspace: FakeWorkspace;
  nextId: (prefix: string) => string;
  acceptAnyTriggerId: boolean;
  /** The fake's own address (http://127.0.0.1:port), where its upload URLs point. */
  origin: string;
}

type Handler = (args: Args, context: Context) => Reply;

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const clock = options.clock ?? Date.now;
  const workspaces = options.workspaces ?? [DEFAULT_WORKSPACE];
  const seededUsers = options.users ?? [];
  const seededChannels = options.channels ?? [];
  const state = freshState(seededUsers, seededChannels);
  const limiter = createRateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, clock);
  const nextId = (prefix: string) => `${prefix}${String(++state.sequence).padStart(8, '0')}`;
  const oauth = options.oauth ? createFakeOAuth(options.oauth, workspaces, clock) : undefined;

  let origin = '';
  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  // Slack does not document how long it keeps an idle connection open. The app's client drops its idle sockets
  // after 4 s (src/slack/node-http-fetch.ts) so as never to reuse one a server is closing; at Node's default 5 s
  // here, a timer late by a second on a busy machine turned that margin into an ECONNRESET no real Slack caused.
  server.keepAliveTimeout = 30_000;

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const uploadId = (request.url ?? '').match(/^\/upload\/v1\/(\w+)$/)?.[1];
    if (uploadId) {
      sendReply(response, await receiveUpload(state, uploadId, request));
      return;
    }
    const method = (request.url ?? '').match(/^\/api\/([\w.]+)/)?.[1];
    if (!method) {
      sendReply(response, { status: 404, body: 'not found' });
      return;
    }
    const body = (await readBody(request)).toString('utf8');
    const parsed = parseArguments(request.headers['content-type'], body);
    const { token, ...args } = parsed;
    if (state.latencyMs > 0) await sleep(state.latencyMs);
    if (method === 'oauth.v2.access' && oauth) {
      // Called with the app's client id and secret instead of a token.
      const exchanged = oauth.exchange(args);
      const reply = { status: 200, body: exchanged };
      state.calls.push(recordOf(method, args, reply, 'none'));
      sendReply(response, reply);
      return;
    }
    const bearer = bearerToken(request) ?? stringOf(token);
    const issued = bearer ? oauth?.workspaceOfToken(bearer) : undefined;
    const workspace =
      typeof issued === 'object'
        ? (workspaces.find((candidate) => candidate.teamId === issued.teamId) ?? 'invalid')
        : (issued ?? findWorkspace(oauth ? workspaces.filter((w) => w.token) : workspaces, bearer));
    const reply = answer(method, args, workspace);
    if (reply === NO_ANSWER) {
      state.calls.push(recordOf(method, args, { status: 0, body: 'no answer' }, workspace));
      return;
    }
    state.calls.push(recordOf(method, args, reply, workspace));
    sendReply(response, reply);
  }

  function answer(
    method: string,
    args: Args,
    workspace: FakeWorkspace | 'missing' | 'invalid' | 'revoked',
  ): Reply | typeof NO_ANSWER {
    const handler = HANDLERS[method];
    if (!handler) return platformError('unknown_method');
    if (workspace === 'missing') return platformError('not_authed');
    if (workspace === 'invalid') return platformError('invalid_auth');
    // An uninstalled app's token: "token_revoked: Authentication token is for a deleted user or workspace or the
    // app has been removed" (the error list every Web API method page carries).
    if (workspace === 'revoked') return platformError('token_revoked');
    const fault = takeFault(state, method);
    if (fault && 'neverAnswer' in fault) {
      if (fault.neverAnswer === 'after_acting') act(method, handler, args, workspace);
      return NO_ANSWER;
    }
    if (fault) return faultReply(fault);
    return act(method, handler, args, workspace);
  }

  function act(method: string, handler: Handler, args: Args, workspace: FakeWorkspace): Reply {
    // A user id and that user's D channel are one DM, so they share one per-channel window.
    const channel = dmChannelOf(stringOf(args.channel));
    const retryAfter = limiter.admit(method, workspace.teamId, channel);
    if (retryAfter !== undefined) return rateLimited(retryAfter);
    return handler(args, {
      state,
      clock,
      workspace,
      nextId,
      acceptAnyTriggerId: options.acceptAnyTriggerId ?? false,
      origin,
    });
  }

  function recordOf(
    method: string,
    args: Args,
    reply: Reply,
    workspace: FakeWorkspace | string,
  ): RecordedCall {
    const body = typeof reply.body === 'string' ? {} : reply.body;
    const ok = body.ok === true;
    const error = typeof body.error === 'string' ? body.error : undefined;
    return {
      method,
      args,
      status: reply.status,
      ok,
      ...(error ? { error } : {}),
      ...(typeof workspace === 'object' ? { teamId: workspace.teamId } : {}),
      at: clock(),
    };
  }

  function requireOAuth(): FakeOAuth {
    if (!oauth) throw new Error('fake Slack: start it with `oauth` to install through OAuth');
    return oauth;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    get calls() {
      return state.calls;
    },
    callsTo: (method) => state.calls.filter((call) => call.method === method),
    views: () =>
      [...state.views.values()].map(({ hash: _hash, externalId: _externalId, ...stored }) => stored),
    messagesTo: (userOrChannel) => {
      const channel = dmChannelOf(userOrChannel);
      return state.messages.filter((message) => message.channel === channel);
    },
    filesIn: (userOrChannel) => {
      const channel = dmChannelOf(userOrChannel);
      return state.files.filter((file) => file.channel === channel);
    },
    issueTriggerId: (fromViewId) => {
      const id = `${++state.sequence}.${Math.floor(clock() / 1000)}.${randomBytes(8).toString('hex')}`;
      state.triggers.set(id, { issuedAt: clock(), used: false, ...(fromViewId ? { fromViewId } : {}) });
      return id;
    },
    addChannel: (channel) => {
      state.channels.set(channel.id, { ...channel });
    },
    addUser: (user) => {
      state.users.set(user.id, { ...user });
    },
    setDeletedUser: (userId) => {
      state.users.set(userId, { ...(state.users.get(userId) ?? { id: userId }), deleted: true });
    },
    failPostsTo: (userOrChannel, error) => {
      state.channelFaults.set(dmChannelOf(userOrChannel) ?? userOrChannel, error);
    },
    failNext: (method, fault, count = 1) => {
      const queue = state.faults.get(method) ?? [];
      queue.push(...Array.from({ length: count }, () => fault));
      state.faults.set(method, queue);
    },
    setLatency: (ms) => {
      state.latencyMs = ms;
    },
    approveInstall: (authorizeUrl, approval) => requireOAuth().approve(authorizeUrl, approval),
    denyInstall: (authorizeUrl, redirectUrl) => requireOAuth().deny(authorizeUrl, redirectUrl),
    uninstall: (teamId) => requireOAuth().uninstall(teamId),
    tokenOf: (teamId) => requireOAuth().tokenOf(teamId),
    reset: () => {
      Object.assign(state, freshState(seededUsers, seededChannels));
      limiter.reset();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function freshState(users: FakeUser[], channels: FakeChannel[]): State {
  return {
    calls: [],
    messages: [],
    uploads: new Map(),
    files: [],
    scheduled: [],
    views: new Map(),
    triggers: new Map(),
    faults: new Map(),
    channelFaults: new Map(),
    users: new Map(users.map((user) => [user.id, { ...user }])),
    channels: new Map(channels.map((channel) => [channel.id, { ...channel }])),
    latencyMs: 0,
    sequence: 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP plumbing

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** WebClient form-encodes every argument and JSON-stringifies the nested ones; Slack also accepts JSON bodies. */
function parseArguments(contentType: string | undefined, body: string): Args {
  if (contentType?.startsWith('application/json')) return body ? (JSON.parse(body) as Args) : {};
  const args: Args = Object.fromEntries(new URLSearchParams(body));
  for (const name of JSON_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'string') args[name] = parseJsonOrKeep(value);
  }
  return args;
}

function parseJsonOrKeep(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function bearerToken(request: IncomingMessage): string | undefined {
  return request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
}

function findWorkspace(
  workspaces: FakeWorkspace[],
  token: string | undefined,
): FakeWorkspace | 'missing' | 'invalid' {
  if (!token) return 'missing';
  const match = workspaces.find((workspace) =>
    workspace.token === undefined ? token.startsWith('xoxb-') : workspace.token === token,
  );
  return match ?? 'invalid';
}

function sendReply(response: ServerResponse, reply: Reply): void {
  const isJson = typeof reply.body !== 'string';
  response.writeHead(reply.status, {
    'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain',
    ...reply.headers,
  });
  response.end(isJson ? JSON.stringify(reply.body) : reply.body);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Replies, faults and rate limits

function success(body: Record<string, unknown> = {}): Reply {
  return { status: 200, body: { ok: true, ...body } };
}

/** Slack answers platform errors with HTTP 200; only rate limiting uses a status code. */
function platformError(error: string, messages?: string[]): Reply {
  return {
    status: 200,
    body: { ok: false, error, ...(messages ? { response_metadata: { messages } } : {}) },
  };
}

function rateLimited(retryAfterSeconds: number): Reply {
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: { ok: false, error: 'ratelimited' },
  };
}

/** A request the fake leaves open for good (see Fault's `neverAnswer`). */
const NO_ANSWER = Symbol('no answer');

function faultReply(fault: Exclude<Fault, { neverAnswer: unknown }>): Reply {
  if ('ratelimited' in fault) return rateLimited(fault.ratelimited);
  if ('error' in fault) return platformError(fault.error);
  return { status: fault.status, body: 'fake Slack: injected HTTP failure' };
}

function takeFault(state: State, method: string): Fault | undefined {
  return state.faults.get(method)?.shift();
}

/** Sliding-window log per (method, team[, channel]); only admitted calls count against the window. */
function createRateLimiter(rules: RateLimits, clock: () => number) {
  const hits = new Map<string, number[]>();
  const keyOf = (method: string, rule: RateLimitRule, teamId: string, channel: string | undefined) =>
    [method, teamId, rule.windowMs, rule.per === 'channel' ? (channel ?? '') : '*'].join('|');

  return {
    /** Seconds the caller must wait, or undefined when the call is admitted (and counted). */
    admit(method: string, teamId: string, channel: string | undefined): number | undefined {
      const now = clock();
      const methodRules = rules[method] ?? [];
      let retryAfterMs = 0;
      for (const rule of methodRules) {
        const recent = (hits.get(keyOf(method, rule, teamId, channel)) ?? []).filter(
          (at) => at > now - rule.windowMs,
        );
        const oldest = recent[0];
        if (recent.length >= rule.limit && oldest !== undefined) {
          retryAfterMs = Math.max(retryAfterMs, oldest + rule.windowMs - now);
        }
      }
      if (retryAfterMs > 0) return Math.max(1, Math.ceil(retryAfterMs / 1000));
      for (const rule of methodRules) {
        const key = keyOf(method, rule, teamId, channel);
        hits.set(key, [...(hits.get(key) ?? []).filter((at) => at > now - rule.windowMs), now]);
      }
      return undefined;
    },
    reset: () => hits.clear(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Channels and users

/** A user id stands for the bot's DM with that user; Slack answers with the D channel id. */
function dmChannelOf(channel: string | undefined): string | undefined {
  if (channel && /^[UW]/.test(channel)) return `D${channel.slice(1)}`;
  return channel;
}

type ChannelResolution = { channel: string } | { error: string };

/**
 * A deactivated person's DM still exists, so Slack accepts messages to it: no `channel_not_found` (a maintainer
 * in python-slack-sdk#1156: "Even if a user is deactivated, their channel histories still exist"). Only
 * users.info's `deleted: true` tells.
 */
function resolveMessageChannel(state: State, channel: string | undefined): ChannelResolution {
  if (!channel || !/^[CGDUW]/.test(channel)) return { error: 'channel_not_found' };
  const resolved = dmChannelOf(channel) ?? channel;
  const fault = state.channelFaults.get(resolved);
  if (fault) return { error: fault };
  const known = visibleChannel(state, resolved);
  if (known === 'invisible') return { error: 'channel_not_found' };
  // chat.postMessage documents is_archived; chat:write.public lets the bot post in public channels it is not in.
  if (known?.is_archived) return { error: 'is_archived' };
  return { channel: resolved };
}

/**
 * The channel as the bot can see it: a private channel it is not in is invisible (Slack answers
 * `channel_not_found`, as for an id that does not exist); an unknown C id is a public channel it has not joined.
 */
function visibleChannel(state: State, id: string): FakeChannel | 'invisible' | undefined {
  const known = state.channels.get(id);
  if (known) return known.is_private && !known.is_member ? 'invisible' : known;
  return id.startsWith('G') ? 'invisible' : undefined;
}

function publicUser(user: FakeUser, teamId: string): Record<string, unknown> {
  return {
    id: user.id,
    team_id: teamId,
    name: user.name ?? user.id.toLowerCase(),
    real_name: user.real_name ?? user.name ?? user.id,
    deleted: user.deleted ?? false,
    is_bot: user.is_bot ?? false,
    is_admin: user.is_admin ?? false,
    is_owner: user.is_owner ?? false,
    tz: user.tz ?? 'America/Los_Angeles',
    tz_label: user.tz_label ?? 'Pacific Standard Time',
    tz_offset: user.tz_offset ?? -28_800,
    profile: { real_name: user.real_name ?? user.id, display_name: user.name ?? '' },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Block Kit checks shared by chat.* and views.*

/**
 * chat.postMessage truncates `text` past 40,000 characters rather than refusing it
 * (https://api.slack.com/changelog/2018-04-truncating-really-long-messages; `msg_too_long` is not among its
 * documented errors, https://docs.slack.dev/reference/methods/chat.postMessage). chat.postEphemeral and
 * chat.scheduleMessage document `msg_too_long`; chat.update documents it for `text` over 4,000 characters
 * (https://docs.slack.dev/reference/methods/chat.update).
 */
const TRUNCATED_MESSAGE_TEXT = 40_000;
const TEXT_LIMITS: Record<string, number> = {
  'chat.postEphemeral': 40_000,
  'chat.scheduleMessage': 40_000,
  'chat.update': 4_000,
};

function messageProblem(args: Args, method: string): Reply | undefined {
  if (args.text === undefined && args.blocks === undefined && args.attachments === undefined) {
    return platformError('no_text');
  }
  const textLimit = TEXT_LIMITS[method];
  if (textLimit !== undefined && typeof args.text === 'string' && args.text.length > textLimit)
    return platformError('msg_too_long');
  if (args.blocks === undefined) return undefined;
  if (!Array.isArray(args.blocks)) return platformError('invalid_blocks_format');
  const violations = findBlockKitViolations('message', { blocks: args.blocks });
  return violations.length > 0 ? platformError('invalid_blocks', asSlackMessages(violations)) : undefined;
}

/** views.open, .update, .push and .publish: "view_too_large", a view over 250 kB (their documented errors). */
const MAX_VIEW_BYTES = 250_000;

/**
 * `invalid_arguments` is among the Web API's common errors ("the method was called with invalid arguments"),
 * which Slack answers with [ERROR] lines in response_metadata.messages for a view that breaks Block Kit.
 */
function viewProblem(view: unknown, surface: Exclude<BlockKitSurface, 'message'>): Reply | undefined {
  if (typeof view !== 'object' || view === null) {
    return platformError('invalid_arguments', ['[ERROR] view must be a JSON object']);
  }
  if (Buffer.byteLength(JSON.stringify(view), 'utf8') > MAX_VIEW_BYTES)
    return platformError('view_too_large');
  const violations = findBlockKitViolations(surface, view);
  return violations.length > 0 ? platformError('invalid_arguments', asSlackMessages(violations)) : undefined;
}

/** Slack prefixes each problem with [ERROR]; WebClient logs such lines through its logger. */
function asSlackMessages(violations: string[]): string[] {
  return violations.map((violation) => `[ERROR] ${violation}`);
}

function messageFields(args: Args): Omit<PostedMessage, 'channel' | 'ts'> {
  return {
    ...(typeof args.text === 'string' ? { text: args.text } : {}),
    ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
    ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}),
    ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
  };
}

function messageTs(context: Context): string {
  return `${Math.floor(context.clock() / 1000)}.${String(++context.state.sequence).padStart(6, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Methods

const HANDLERS: Record<string, Handler> = {
  'auth.test': (_args, { workspace }) =>
    success({
      url: 'https://fake.slack.com/',
      team: 'Fake Workspace',
      user: 'followup',
      team_id: workspace.teamId,
      user_id: workspace.botUserId,
      bot_id: workspace.botId,
      is_enterprise_install: false,
    }),
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': updateMessage,
  'chat.scheduleMessage': scheduleMessage,
  'conversations.open': openConversation,
  'conversations.info': conversationInfo,
  'conversations.history': conversationHistory,
  'views.open': openView,
  'views.push': pushView,
  'views.update': updateView,
  'views.publish': publishView,
  'users.info': userInfo,
  'users.list': listUsers,
  'files.getUploadURLExternal': getUploadUrlExternal,
  'files.completeUploadExternal': completeUploadExternal,
};

function postMessage(args: Args, context: Context): Reply {
  const resolution = resolveMessageChannel(context.state, stringOf(args.channel));
  if ('error' in resolution) return platformError(resolution.error);
  const problem = messageProblem(args, 'chat.postMessage');
  if (problem) return problem;
  const fields = messageFields(args);
  const message: PostedMessage = {
    channel: resolution.channel,
    ts: messageTs(context),
    ...fields,
    ...(fields.text !== undefined ? { text: fields.text.slice(0, TRUNCATED_MESSAGE_TEXT) } : {}),
  };
  context.state.messages.push(message);
  return success({ channel: message.channel, ts: message.ts, message: { type: 'message', ...message } });
}

function postEphemeral(args: Args, context: Context): Reply {
  const resolution = resolveMessageChannel(context.state, stringOf(args.channel));
  if ('error' in resolution) return platformError(resolution.error);
  const user = stringOf(args.user);
  // "Intended recipient is not in the specified channel": chat.postEphemeral's documented error for a
  // missing or departed recipient (https://docs.slack.dev/reference/methods/chat.postEphemeral).
  if (!user || context.state.users.get(user)?.deleted) return platformError('user_not_in_channel');
  return messageProblem(args, 'chat.postEphemeral') ?? success({ message_ts: messageTs(context) });
}

/**
 * chat.update (api.slack.com/methods/chat.update): the message is found by channel and ts, else
 * `message_not_found`; blocks given replace the old ones. The answer has the shape of @slack/web-api's
 * ChatUpdateResponse: ok, channel, ts, text and the updated message.
 */
function updateMessage(args: Args, context: Context): Reply {
  const resolution = resolveMessageChannel(context.state, stringOf(args.channel));
  if ('error' in resolution) return platformError(resolution.error);
  const message = context.state.messages.find(
    (candidate) => candidate.channel === resolution.channel && candidate.ts === args.ts,
  );
  if (!message) return platformError('message_not_found');
  const problem = messageProblem(args, 'chat.update');
  if (problem) return problem;
  Object.assign(message, messageFields(args));
  return success({ channel: message.channel, ts: message.ts, text: message.text ?? '', message });
}

function scheduleMessage(args: Args, context: Context): Reply {
  const resolution = resolveMessageChannel(context.state, stringOf(args.channel));
  if ('error' in resolution) return platformError(resolution.error);
  const postAt = Number(args.post_at);
  if (!Number.isInteger(postAt)) return platformError('invalid_time');
  const nowMs = context.clock();
  if (postAt * 1000 <= nowMs) return platformError('time_in_past');
  if (postAt * 1000 > nowMs + SCHEDULE_HORIZON_MS) return platformError('time_too_far');
  const crowded = context.state.scheduled.filter(
    (scheduled) =>
      scheduled.channel === resolution.channel &&
      Math.abs(scheduled.postAt - postAt) < SCHEDULE_WINDOW_SECONDS,
  );
  if (crowded.length >= SCHEDULED_PER_CHANNEL_WINDOW) return platformError('restricted_too_many');
  const problem = messageProblem(args, 'chat.scheduleMessage');
  if (problem) return problem;
  context.state.scheduled.push({ channel: resolution.channel, postAt });
  return success({
    channel: resolution.channel,
    scheduled_message_id: context.nextId('Q'),
    post_at: postAt,
    message: messageFields(args),
  });
}

function openConversation(args: Args, context: Context): Reply {
  const users = stringOf(args.users)?.split(',') ?? [];
  const [userId] = users;
  if (users.length !== 1 || !userId) {
    throw new Error('fake Slack: conversations.open supports exactly one user (group DMs are not faked)');
  }
  // conversations.open documents "user_disabled: a specified user has been disabled"
  // (https://docs.slack.dev/reference/methods/conversations.open); it has no error for a bot.
  if (context.state.users.get(userId)?.deleted) return platformError('user_disabled');
  return success({ channel: { id: dmChannelOf(userId) } });
}

/** conversations.info (https://api.slack.com/methods/conversations.info): the fields the app reads. */
function conversationInfo(args: Args, context: Context): Reply {
  const id = stringOf(args.channel);
  if (!id || !/^[CG]/.test(id)) return platformError('channel_not_found');
  const known = visibleChannel(context.state, id);
  if (known === 'invisible') return platformError('channel_not_found');
  const channel = known ?? { id };
  return success({
    channel: {
      id,
      name: channel.name ?? id.toLowerCase(),
      is_channel: !channel.is_private,
      is_group: false,
      is_im: false,
      is_private: channel.is_private ?? false,
      is_archived: channel.is_archived ?? false,
      is_member: channel.is_member ?? false,
    },
  });
}

/**
 * https://docs.slack.dev/reference/methods/conversations.history: takes a conversation id (a user id is none:
 * channel_not_found), answers newest first, `limit` defaults to 100 (at most 999), `oldest` and `latest` bound
 * the range (the bounds themselves only with `inclusive`, "Include messages with oldest or latest timestamps in
 * results"), and a message's `metadata` comes back only with `include_all_metadata`.
 */
function conversationHistory(args: Args, context: Context): Reply {
  const channel = stringOf(args.channel);
  if (!channel || !/^[CGD]/.test(channel)) return platformError('channel_not_found');
  const limit = Math.min(Number(args.limit ?? 100) || 100, 999);
  const oldest = Number(args.oldest ?? 0) || 0;
  const latest = Number(args.latest ?? Number.POSITIVE_INFINITY) || Number.POSITIVE_INFINITY;
  const withMetadata = args.include_all_metadata === 'true' || args.include_all_metadata === true;
  const inclusive = args.inclusive === 'true' || args.inclusive === true;
  const inRange = context.state.messages
    .filter(
      (message) =>
        message.channel === channel &&
        (inclusive ? Number(message.ts) >= oldest : Number(message.ts) > oldest) &&
        (inclusive ? Number(message.ts) <= latest : Number(message.ts) < latest),
    )
    .reverse();
  return success({
    messages: inRange.slice(0, limit).map(({ channel: _, metadata, ...message }) => ({
      type: 'message',
      bot_id: context.workspace.botId,
      ...message,
      ...(withMetadata && metadata !== undefined ? { metadata } : {}),
    })),
    has_more: inRange.length > limit,
    pin_count: 0,
    response_metadata: { next_cursor: '' },
  });
}

function openView(args: Args, context: Context): Reply {
  const problem = viewProblem(args.view, 'modal');
  if (problem) return problem;
  const triggerError = exchangeTrigger(context, stringOf(args.trigger_id));
  if (triggerError) return platformError(triggerError);
  return success({ view: storeView(context, args.view as Record<string, unknown>) });
}

/**
 * views.push (docs.slack.dev/reference/methods/views.push): a trigger_id from an interaction inside an open
 * modal puts a view on top of that modal's stack, and the user goes back to the previous view when the pushed
 * one is completed or cancelled. After views.open an app may push 2 more views: the next is
 * `push_limit_reached`. The answer is the pushed view, as views.open's is.
 */
function pushView(args: Args, context: Context): Reply {
  const problem = viewProblem(args.view, 'modal');
  if (problem) return problem;
  const triggerId = stringOf(args.trigger_id);
  const fromViewId = triggerId ? context.state.triggers.get(triggerId)?.fromViewId : undefined;
  const under = fromViewId ? context.state.views.get(fromViewId) : undefined;
  if (!context.acceptAnyTriggerId && triggerId && context.state.triggers.has(triggerId) && !under) {
    throw new Error(
      'fake Slack: views.push needs a trigger issued from an open modal (issueTriggerId(viewId))',
    );
  }
  const rootViewId = under?.rootViewId ?? under?.id;
  const depth = [...context.state.views.values()].filter(
    (stored) => stored.id === rootViewId || stored.rootViewId === rootViewId,
  ).length;
  if (under && depth >= MODAL_STACK_LIMIT) return platformError('push_limit_reached');
  const triggerError = exchangeTrigger(context, triggerId);
  if (triggerError) return platformError(triggerError);
  const stack = under && rootViewId ? { rootViewId, previousViewId: under.id } : {};
  return success({ view: storeView(context, args.view as Record<string, unknown>, undefined, stack) });
}

/**
 * Slack's trigger_id is single use and lives 3 s: the reason listeners must open modals before slow work
 * (api.slack.com/docs/triggers: "Triggers expire in three seconds", "may only be used once"). views.open and
 * views.push answer `invalid_trigger_id`, `exchanged_trigger_id` ("already exchanged in a previous call") and
 * `expired_trigger_id` (their error tables at docs.slack.dev/reference/methods/views.open and views.push).
 */
function exchangeTrigger(context: Context, triggerId: string | undefined): string | undefined {
  if (context.acceptAnyTriggerId && triggerId) return undefined;
  const trigger = triggerId ? context.state.triggers.get(triggerId) : undefined;
  if (!trigger) return 'invalid_trigger_id';
  if (trigger.used) return 'exchanged_trigger_id';
  if (context.clock() - trigger.issuedAt > TRIGGER_LIFETIME_MS) return 'expired_trigger_id';
  trigger.used = true;
  return undefined;
}

function updateView(args: Args, context: Context): Reply {
  const viewId = stringOf(args.view_id);
  const externalId = stringOf(args.external_id);
  const stored = [...context.state.views.values()].find(
    (candidate) => (viewId && candidate.id === viewId) || (externalId && candidate.externalId === externalId),
  );
  if (!stored) return platformError('not_found');
  if (args.hash !== undefined && args.hash !== stored.hash) return platformError('hash_conflict');
  const problem = viewProblem(args.view, 'modal');
  if (problem) return problem;
  return success({ view: storeView(context, args.view as Record<string, unknown>, stored.id) });
}

function publishView(args: Args, context: Context): Reply {
  const userId = stringOf(args.user_id);
  if (!userId) return platformError('invalid_arguments', ['[ERROR] missing required field: user_id']);
  const problem = viewProblem(args.view, 'home');
  if (problem) return problem;
  return success({ view: storeView(context, args.view as Record<string, unknown>, `VHOME${userId}`) });
}

function storeView(
  context: Context,
  view: Record<string, unknown>,
  id = context.nextId('V'),
  stack: { rootViewId?: string; previousViewId?: string } = {},
): Record<string, unknown> {
  const hash = `${Math.floor(context.clock() / 1000)}.${randomBytes(4).toString('hex')}`;
  const externalId = stringOf(view.external_id);
  // An update keeps the view's place in its stack.
  const place = context.state.views.get(id) ?? stack;
  const { rootViewId, previousViewId } = place;
  context.state.views.set(id, {
    id,
    hash,
    view,
    ...(externalId ? { externalId } : {}),
    ...(rootViewId ? { rootViewId } : {}),
    ...(previousViewId ? { previousViewId } : {}),
  });
  return {
    ...view,
    id,
    hash,
    team_id: context.workspace.teamId,
    state: { values: {} },
    root_view_id: rootViewId ?? id,
    previous_view_id: previousViewId ?? null,
  };
}

function userInfo(args: Args, context: Context): Reply {
  const user = context.state.users.get(stringOf(args.user) ?? '');
  // A token sees the people of its own workspace only.
  if (!user || (user.teamId && user.teamId !== context.workspace.teamId))
    return platformError('user_not_found');
  return success({ user: publicUser(user, context.workspace.teamId) });
}

/** Cursor pagination as WebClient.paginate expects: the cursor is the next offset, '' at the end. */
function listUsers(args: Args, context: Context): Reply {
  const all = [...context.state.users.values()];
  const offset = Number(args.cursor ?? 0) || 0;
  const limit = Number(args.limit ?? 0) || all.length;
  const page = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? String(offset + limit) : '';
  return success({
    members: page.map((user) => publicUser(user, context.workspace.teamId)),
    response_metadata: { next_cursor: next },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// File uploads: files.getUploadURLExternal, a POST of the bytes to its upload_url, files.completeUploadExternal.
// The order and arguments are WebClient.filesUploadV2's (packages/web-api/src/WebClient.ts and file-upload.ts in
// slackapi/node-slack-sdk): filename and length first; the bytes as multipart/form-data; then `files` (id and
// title), channel_id and initial_comment.

/**
 * https://docs.slack.dev/reference/methods/files.getUploadURLExternal: `filename` and `length` (bytes) are
 * required, and `missing_argument` "typically only occurs when the length provided is 0". The answer is
 * `upload_url` and `file_id`; the URL here is the fake's own.
 */
function getUploadUrlExternal(args: Args, context: Context): Reply {
  const filename = stringOf(args.filename);
  const length = Number(args.length);
  if (!filename || !Number.isInteger(length) || length <= 0) return platformError('missing_argument');
  const fileId = context.nextId('F');
  context.state.uploads.set(fileId, { filename, length, teamId: context.workspace.teamId });
  return success({ upload_url: `${context.origin}/upload/v1/${fileId}`, file_id: fileId });
}

/**
 * The upload URL takes the file "as raw bytes or ... multipart form encoded" and answers HTTP 200 when the upload
 * worked, anything else when it did not (same page); WebClient checks only the status. An id the fake never
 * issued is a 404.
 */
async function receiveUpload(state: State, fileId: string, request: IncomingMessage): Promise<Reply> {
  const upload = state.uploads.get(fileId);
  if (!upload) return { status: 404, body: 'unknown upload' };
  const body = await readBody(request);
  const contentType = request.headers['content-type'] ?? '';
  let content = body;
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    const file = [...form.values()].find((value) => typeof value !== 'string');
    if (!file || typeof file === 'string') return { status: 400, body: 'no file in the form' };
    content = Buffer.from(await file.arrayBuffer());
  }
  upload.content = content;
  return { status: 200, body: 'OK' };
}

/**
 * https://docs.slack.dev/reference/methods/files.completeUploadExternal: `files` (ids, optional titles) is
 * required; with `channel_id` the files are shared there with `initial_comment`, without it they stay private.
 * The answer is `files`, each with its id and title. `channel_id` must be a conversation id: a user id gets
 * `invalid_arguments` with "input must match regex pattern: ^[CGDZ][A-Z0-9]{8,}$ [json-pointer:/channel_id]"
 * (reported in slackapi/bolt-js#2115 and slackapi/node-slack-sdk#1653, confirmed there by Slack's maintainers).
 * The fake checks the first letter only: test ids are shorter than eight characters. A channel the bot cannot
 * post in is refused as chat.postMessage refuses it.
 */
function completeUploadExternal(args: Args, context: Context): Reply {
  const files = Array.isArray(args.files) ? (args.files as Array<{ id?: unknown; title?: unknown }>) : [];
  if (files.length === 0)
    return platformError('invalid_arguments', ['[ERROR] missing required field: files']);
  const channelId = stringOf(args.channel_id);
  let channel: string | undefined;
  if (channelId) {
    if (!/^[CGDZ]/.test(channelId)) {
      return platformError('invalid_arguments', [
        '[ERROR] input must match regex pattern: ^[CGDZ][A-Z0-9]{8,}$ [json-pointer:/channel_id]',
      ]);
    }
    const resolution = resolveMessageChannel(context.state, channelId);
    if ('error' in resolution) return platformError(resolution.error);
    channel = resolution.channel;
  }
  const shared: Array<{ id: string; title: string }> = [];
  for (const file of files) {
    const id = stringOf(file.id) ?? '';
    const upload = context.state.uploads.get(id);
    // Slack documents no answer for a file that was never uploaded: a test calling so is wrong, not the app.
    if (!upload?.content || upload.teamId !== context.workspace.teamId) {
      throw new Error(`fake Slack: files.completeUploadExternal for ${id}, which was not uploaded first`);
    }
    const title = stringOf(file.title) ?? upload.filename;
    context.state.uploads.delete(id);
    if (channel) {
      context.state.files.push({
        id,
        channel,
        filename: upload.filename,
        title,
        content: upload.content.toString('utf8'),
        ...(typeof args.initial_comment === 'string' ? { initial_comment: args.initial_comment } : {}),
      });
    }
    shared.push({ id, title });
  }
  return success({ files: shared });
}
