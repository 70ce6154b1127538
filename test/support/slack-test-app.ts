import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll } from 'vitest';
import type { LogLevel } from '../../src/config.js';
import type { Database, DatabaseEngine } from '../../src/db/client.js';
import { type Clock, createPacer, SLACK_POST_LIMITS } from '../../src/jobs/pacer.js';
import { createMessageSender } from '../../src/jobs/post-message.js';
import { createLogger } from '../../src/logger.js';
import { createSlackApp } from '../../src/slack/app.js';
import { createTokenCipher } from '../../src/token-cipher.js';
import { findBlockKitViolations } from './block-kit-limits.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from './fake-slack.js';
import {
  type EventSendOptions,
  eventCallback,
  type ReceiverResponse,
  type SendOptions,
  type SlashCommandFields,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
} from './signed-requests.js';

export const TEST_SIGNING_SECRET = 'slack-test-app-signing-secret';
export const TEST_TEAM = 'T0FAKE';
export const TEST_OAUTH_APP = {
  clientId: '1111.2222',
  clientSecret: 'test-client-secret',
  appId: 'A0FOLLOWUP',
};
export const TEST_STATE_SECRET = 'test-state-secret';
export const TEST_TOKEN_KEYS = { current: Buffer.alloc(32, 42), previous: undefined };

/** A POST to a response_url, as the app sent it (Bolt's `respond`). */
export interface RecordedResponse {
  path: string;
  body: Record<string, unknown>;
  /** Block Kit problems of this message; a test expects none. */
  violations: string[];
}

export interface SlackTestApp {
  baseUrl: string;
  fake: FakeSlack;
  handle: TestDatabase;
  db: TestDatabase['db'];
  app: App;
  /** What the app answered through response_url, oldest first. */
  responses: RecordedResponse[];
  /** Error and warning lines the app logged. */
  logs: string[];
  setNow(now: Date): void;
  /** Calls the fake refused for Block Kit reasons and responses breaking the limits; a test expects none. */
  blockKitRejections(): string[];
  /** `/followup <text>` from `user` (default U0REP), with a fresh trigger_id from the fake. */
  sendCommand(
    text: string,
    user?: string,
    fields?: Partial<SlashCommandFields>,
    options?: SendOptions,
  ): Promise<ReceiverResponse>;
  /** An interaction payload; a fresh trigger_id replaces the builders' placeholder and response_url is captured. */
  sendInteraction(payload: Record<string, unknown>, options?: SendOptions): Promise<ReceiverResponse>;
  sendEvent(
    event: Record<string, unknown> & { type: string },
    options?: EventSendOptions,
  ): Promise<ReceiverResponse>;
  /** `/followup <text>` from `user`, resolving with the text of the app's answer through response_url. */
  reply(text: string, user?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface SlackTestAppOptions {
  engine: DatabaseEngine;
  now: Date;
  fakeOptions?: FakeSlackOptions;
  /** The database handle the app uses, when it must differ from the test's (e.g. through a TCP proxy). */
  appDatabase?: (handle: TestDatabase) => Promise<Database>;
  /** The clock the app's message pacer waits on (a Retry-After, its slots); unless given, its waits pass at once. */
  pacingClock?: Clock;
  /** 'oauth': installed per workspace through Slack's OAuth flow (TEST_OAUTH_APP) instead of one bot token. */
  install?: 'single-workspace' | 'oauth';
  /** What the app logs, 'warn' unless given; every line lands in `logs`. */
  logLevel?: LogLevel;
}

/** Listener tests send many messages to one rep in a second; pacing them in real time is the benchmark's business. */
const waitsPassAtOnce: Clock = { now: Date.now, sleep: async () => {} };

const PLACEHOLDER_TRIGGER = 'trigger-not-issued-by-the-fake';

/**
 * The real app (createSlackApp, real Bolt HTTP receiver, real listeners) against the fake Slack and a fresh
 * migrated database, with an injected clock. Jobs and fault tests reuse it.
 */
export async function startSlackTestApp(options: SlackTestAppOptions): Promise<SlackTestApp> {
  let now = options.now;
  const clock = options.pacingClock ?? waitsPassAtOnce;
  const oauth = options.install === 'oauth';
  const fake = await startFakeSlack({ ...options.fakeOptions, ...(oauth ? { oauth: TEST_OAUTH_APP } : {}) });
  const handle = await createTestDatabase(options.engine);
  const responses: RecordedResponse[] = [];
  const recorder = await startResponseRecorder(responses);
  const logs: string[] = [];
  const logger = createLogger(options.logLevel ?? 'warn', (line) => logs.push(line));
  const app = createSlackApp(
    {
      install: oauth
        ? {
            kind: 'oauth',
            clientId: TEST_OAUTH_APP.clientId,
            clientSecret: TEST_OAUTH_APP.clientSecret,
            stateSecret: TEST_STATE_SECRET,
            cipher: createTokenCipher(TEST_TOKEN_KEYS),
          }
        : { kind: 'single-workspace', botToken: 'xoxb-test-token' },
      signingSecret: TEST_SIGNING_SECRET,
      appToken: undefined,
      apiUrl: fake.url,
      port: 0,
      checkHealth: handle.ping,
    },
    {
      db: options.appDatabase ? await options.appDatabase(handle) : handle.db,
      now: () => now,
      logger,
      sendMessage: createMessageSender({ pacer: createPacer(SLACK_POST_LIMITS, clock), clock, logger }),
    },
  );
  await app.init();
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const responseUrl = (kind: string, user: string) => `${recorder.url}/${kind}/${user}`;

  const sendCommand: SlackTestApp['sendCommand'] = (text, user = 'U0REP', fields = {}, sendOptions = {}) =>
    sendSlashCommand(
      baseUrl,
      TEST_SIGNING_SECRET,
      {
        text,
        user_id: user,
        team_id: TEST_TEAM,
        trigger_id: fake.issueTriggerId(),
        response_url: responseUrl('commands', user),
        ...fields,
      },
      sendOptions,
    );

  return {
    baseUrl,
    fake,
    handle,
    db: handle.db,
    app,
    responses,
    logs,
    setNow: (next) => {
      now = next;
    },
    blockKitRejections: () => [
      ...fake.calls
        .filter((call) => call.error === 'invalid_blocks' || call.error === 'invalid_arguments')
        .map((call) => `${call.method}: ${call.error}`),
      ...responses.flatMap((response) =>
        response.violations.map((violation) => `${response.path}: ${violation}`),
      ),
    ],
    sendCommand,
    sendInteraction: (payload, sendOptions = {}) => {
      const user = (payload.user as { id?: string } | undefined)?.id ?? 'unknown';
      const rewritten = {
        ...payload,
        ...(payload.trigger_id === PLACEHOLDER_TRIGGER
          ? { trigger_id: fake.issueTriggerId(modalOf(payload)) }
          : {}),
        ...(payload.response_url ? { response_url: responseUrl('interactions', user) } : {}),
      };
      return sendInteraction(baseUrl, TEST_SIGNING_SECRET, rewritten, sendOptions);
    },
    sendEvent: (event, sendOptions = {}) =>
      sendEvent(baseUrl, TEST_SIGNING_SECRET, eventCallback(event, { team_id: TEST_TEAM }), sendOptions),
    reply: async (text, user) => {
      const before = responses.length;
      await sendCommand(text, user);
      return eventually(() => {
        const answer = responses[before]?.body.text;
        if (typeof answer !== 'string') throw new Error(`no answer to "${text}" yet`);
        return answer;
      });
    },
    stop: async () => {
      await app.stop();
      await recorder.close();
      await fake.close();
      // A fault test may have closed the database already to simulate an outage.
      await handle.close().catch(() => {});
    },
  };
}

/**
 * The app for the enclosing `describe`: started before its first test and stopped after its last. The handle
 * it returns stands for the started app, so tests and later hooks use it as they would startSlackTestApp's.
 */
export function useSlackTestApp(options: SlackTestAppOptions): SlackTestApp {
  let started: SlackTestApp | undefined;
  beforeAll(async () => {
    started = await startSlackTestApp(options);
  });
  afterAll(async () => {
    await started?.stop();
    started = undefined;
  });
  return new Proxy({} as SlackTestApp, {
    get: (_, key) => {
      if (!started) throw new Error('the Slack test app starts in beforeAll: use it in a hook or a test');
      return Reflect.get(started, key);
    },
  });
}

async function startResponseRecorder(responses: RecordedResponse[]) {
  const server = createServer((request, response) => {
    readJson(request).then(
      (body) => {
        responses.push({
          path: request.url ?? '',
          body,
          violations: findBlockKitViolations('message', body),
        });
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('ok');
      },
      () => {
        response.writeHead(400);
        response.end('bad json');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/respond`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

/**
 * How long a test waits for something the app does after answering. It returns as soon as the check passes,
 * so a long wait costs nothing on a quiet machine and keeps a busy one (two test runs on two cores) from failing.
 */
export const EVENTUALLY_DEADLINE_MS = 60_000;

/** Resolves when `check` passes, polling: listeners keep working after the ack the test already received. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = EVENTUALLY_DEADLINE_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The modal an interaction happened in: Slack's trigger from it lets the app push a view over it. */
function modalOf(payload: Record<string, unknown>): string | undefined {
  const view = payload.view as { id?: string; type?: string } | undefined;
  return view?.type === 'modal' && payload.type === 'block_actions' ? view.id : undefined;
}
