import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, type LogLevel } from '@slack/bolt';
import type { SlackDependencies } from './dependencies.js';
import { createHttpReceiver } from './edge/http-receiver.js';
import { guardPayloads } from './edge/payload-guard.js';
import { registerListeners } from './listeners/index.js';
import { webClientOptions } from './node-http-fetch.js';

export interface SlackAppOptions {
  botToken: string;
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
  const app = new App({
    token: options.botToken,
    logger: dependencies.logger,
    logLevel: dependencies.logger.getLevel() as LogLevel,
    // auth.test runs in init(), where main.ts can turn a bad token into one clear line instead of a crash.
    deferInitialization: true,
    clientOptions: webClientOptions(options.apiUrl),
    // Instances keep no state: anything worth remembering lives in the database.
    convoStore: false,
    ...(options.appToken
      ? {
          socketMode: true,
          appToken: options.appToken,
          customRoutes: [healthRoute],
          installerOptions: { port: options.port },
        }
      : {
          receiver: createHttpReceiver({
            signingSecret: options.signingSecret ?? '',
            port: options.port,
            customRoutes: [healthRoute],
            logger: dependencies.logger,
            db: dependencies.db,
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

function respondWithHealth(checkHealth: () => Promise<void>, response: ServerResponse): void {
  checkHealth().then(
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
