import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, type LogLevel } from '@slack/bolt';
import { redactingSecrets } from '../logger.js';
import type { SlackDependencies } from './dependencies.js';
import { createHttpReceiver } from './edge/http-receiver.js';
import { guardPayloads } from './edge/payload-guard.js';
import { type OAuthInstall, oauthAppOptions } from './install/oauth-options.js';
import { registerListeners } from './listeners/index.js';
import { webClientOptions } from './node-http-fetch.js';

/** One workspace's bot token, or Slack's OAuth install for any number of workspaces (tokens in the database). */
export type SlackAppInstall =
  | { kind: 'single-workspace'; botToken: string }
  | ({ kind: 'oauth' } & OAuthInstall);

export interface SlackAppOptions {
  install: SlackAppInstall;
  signingSecret: string | undefined;
  /** Present: Socket Mode. Absent: the HTTP receiver at /slack/events. */
  appToken: string | undefined;
  apiUrl: string | undefined;
  /** Port of the HTTP receiver, or of the health endpoint in Socket Mode. */
  port: number;
  /** Answers /healthz: resolves when the database answers. */
  checkHealth: () => Promise<void>;
}

export function createSlackApp(options: SlackAppOptions, dependencies: SlackDependencies): App {
  const healthRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_request: IncomingMessage, response: ServerResponse) =>
      respondWithHealth(options.checkHealth, response),
  };
  const { install } = options;
  // With OAuth the receiver serves /slack/install and /slack/oauth_redirect, and authorizes each request from the
  // installation store; without it the one token serves every request.
  const oauth =
    install.kind === 'oauth'
      ? oauthAppOptions(install, { db: dependencies.db, now: dependencies.now, apiUrl: options.apiUrl })
      : undefined;
  // Bolt, its receiver and the install flow's Web API client log through this one.
  const logger = redactingSecrets(dependencies.logger, [
    options.signingSecret,
    options.appToken,
    ...(install.kind === 'oauth' ? [install.clientSecret, install.stateSecret] : [install.botToken]),
  ]);
  const app = new App({
    ...(install.kind === 'single-workspace' ? { token: install.botToken } : {}),
    logger,
    logLevel: dependencies.logger.getLevel() as LogLevel,
    // auth.test runs in init() (single workspace), where main.ts can turn a bad token into one clear line.
    deferInitialization: true,
    clientOptions: webClientOptions(options.apiUrl),
    // Instances keep no state: anything worth remembering lives in the database.
    convoStore: false,
    ...(options.appToken
      ? {
          socketMode: true,
          appToken: options.appToken,
          customRoutes: [healthRoute],
          ...oauth,
          installerOptions: { ...oauth?.installerOptions, port: options.port },
        }
      : {
          receiver: createHttpReceiver({
            signingSecret: options.signingSecret ?? '',
            port: options.port,
            customRoutes: [healthRoute],
            logger,
            db: dependencies.db,
            ...oauth,
          }),
        }),
  });
  app.error(async (error) => {
    dependencies.logger.error('unhandled listener error', error);
  });
  app.use(guardPayloads(dependencies));
  registerListeners(app, dependencies);
  return app;
}

/**
 * A health check must answer while the database does not: a connection waiting on a dead server can take its
 * connect timeout (seconds), so past this long the answer is 503, and the check it started is left to finish.
 */
const HEALTH_CHECK_BUDGET_MS = 1000;

function respondWithHealth(checkHealth: () => Promise<void>, response: ServerResponse): void {
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('health check out of time')), HEALTH_CHECK_BUDGET_MS);
  });
  Promise.race([checkHealth(), outOfTime])
    .finally(() => clearTimeout(timer))
    .then(
      () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"ok":true}');
      },
      () => {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end('{"ok":false,"error":"database_unavailable"}');
      },
    );
}
