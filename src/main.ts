import cluster from 'node:cluster';
import { hostname } from 'node:os';
import type { WebClient } from '@slack/web-api';
import { loadCoachReader } from './coach-model/load-coach-reader.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { type DatabaseHandle, DatabaseLockedError, openDatabase } from './db/client.js';
import { isPostgresSocketRace } from './db/postgres-socket-race.js';
import { markWorkspaceInstalled, markWorkspacesWithoutTokenUninstalled } from './db/queries/workspaces.js';
import { createSharedPacer, realClock } from './jobs/pacer.js';
import { createMessageSender } from './jobs/post-message.js';
import { startScheduler } from './jobs/scheduler.js';
import { createLogger } from './logger.js';
import { createSlackApp, type SlackAppInstall } from './slack/app.js';
import { webClientOptions } from './slack/node-http-fetch.js';
import {
  installedWorkspaceClients,
  singleWorkspaceClients,
  type WorkspaceClients,
} from './slack/workspace-clients.js';
import { createTokenCipher, type TokenCipher } from './token-cipher.js';
import { resealBotTokens } from './usecases/reseal-bot-tokens.js';
import { runsScheduledJobs, superviseWorkers } from './workers.js';

/** Wiring only: config -> database -> Slack app -> jobs, and a clean shutdown. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  if (config.workers > 1 && cluster.isPrimary) {
    superviseWorkers(config.workers, logger);
    return;
  }
  process.on('uncaughtException', (error) => {
    // Every job and submission is safe to retry (claims, unique keys), so a restart loses nothing.
    logger.error(
      isPostgresSocketRace(error)
        ? 'the PostgreSQL connection dropped in the middle of a write (a known postgres.js defect); exiting for a clean restart'
        : 'uncaught exception; exiting for a clean restart',
      error,
    );
    process.exit(1);
  });
  // A rejection nobody awaited belongs to one request or one job item (Bolt's receiver can reject on a body it
  // cannot read); the rest of the instance is sound, so it is logged and the instance keeps serving.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason));
  // Loaded before the app serves, so the first plan a rep submits is judged within Slack's 3 s.
  loadCoachReader();
  const database = await openDatabaseOrExit(config);
  const now = () => new Date();
  const pacer = createSharedPacer(database.db);
  const { install } = config.slack;
  const appInstall: SlackAppInstall =
    install.kind === 'oauth' ? { ...install, cipher: createTokenCipher(install.tokenKeys) } : install;
  const app = createSlackApp(
    { ...config.slack, install: appInstall, port: config.port, checkHealth: database.ping },
    { db: database.db, now, logger, sendMessage: createMessageSender({ pacer, clock: realClock, logger }) },
  );
  try {
    await app.init();
  } catch (error) {
    await database.close();
    exitWith(
      `Slack did not accept SLACK_BOT_TOKEN (${slackErrorCode(error)}). Check the token and SLACK_API_URL.`,
    );
  }
  const clients =
    appInstall.kind === 'oauth'
      ? await prepareInstalledWorkspaces(database, appInstall.cipher, config, logger)
      : await prepareSingleWorkspace(database, app.client);
  await app.start(config.port);
  // Every instance may run the jobs (claims keep each message single); one per host is enough.
  const scheduler = runsScheduledJobs()
    ? startScheduler({
        db: database.db,
        clients,
        logger,
        now,
        instanceId: `${hostname()}:${process.pid}`,
        pacer,
      })
    : undefined;
  logger.info(
    `Follow-Up Coach is running (${config.slack.appToken ? 'Socket Mode' : `HTTP on port ${config.port}`}, ` +
      `${database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'})`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    await scheduler?.stop();
    await app.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** The token's own workspace is installed: this undoes an uninstall recorded before a reinstall. */
async function prepareSingleWorkspace(
  database: DatabaseHandle,
  client: WebClient,
): Promise<WorkspaceClients> {
  const { team_id: workspaceId } = await client.auth.test();
  if (workspaceId) await markWorkspaceInstalled(database.db, { workspaceId });
  return singleWorkspaceClients(client);
}

/** OAuth install: no workspace is needed to start; tokens left from before a key rotation are sealed anew. */
async function prepareInstalledWorkspaces(
  database: DatabaseHandle,
  cipher: TokenCipher,
  config: Config,
  logger: ReturnType<typeof createLogger>,
): Promise<WorkspaceClients> {
  const { resealed, unreadable } = await resealBotTokens(database.db, cipher);
  const waiting = await markWorkspacesWithoutTokenUninstalled(database.db, { at: new Date() });
  if (waiting.length > 0) {
    logger.warn(
      `${waiting.join(', ')} have no stored bot token: nothing is sent there until they install through /slack/install`,
    );
  }
  if (resealed > 0)
    logger.info(`sealed ${resealed} stored bot token(s) with the current TOKEN_ENCRYPTION_KEY`);
  if (unreadable.length > 0) {
    logger.warn(
      `the stored bot tokens of ${unreadable.join(', ')} open with neither TOKEN_ENCRYPTION_KEY nor ` +
        'TOKEN_ENCRYPTION_KEY_PREVIOUS: those workspaces are not served until they reinstall or the key is set',
    );
  }
  return installedWorkspaceClients({
    db: database.db,
    cipher,
    clientOptions: webClientOptions(config.slack.apiUrl),
  });
}

function loadConfigOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) exitWith(error.message);
    throw error;
  }
}

async function openDatabaseOrExit(config: Config): Promise<DatabaseHandle> {
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DatabaseLockedError) exitWith(error.message);
    exitWith(`Could not open the database: ${(error as Error).message}`);
  }
}

function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: string } }).data;
  return data?.error ?? (error as Error).message;
}

function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

main().catch((error: unknown) => {
  exitWith(`Follow-Up Coach stopped: ${(error as Error).message}`);
});
