import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { interactionBody, signBody, slashCommandBody } from '../test/support/signed-requests.js';
import { logInteractionSubmission } from './support/log-submission.js';
import { answersHttp, type RunningServer, startProcess } from './support/processes.js';
import { type BenchResult, compare } from './support/report.js';

const SECRET = 'bench-signing-secret';
const TEAM = 'T0FAKE';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;

interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Each request is signed afresh, as Slack signs each one; bodies come from `makeBody` (unique if needed). */
async function load(
  url: string,
  makeBody: (index: number) => string,
  options: { overallRate?: number } = {},
) {
  let index = 0;
  const result = await autocannon({
    url: `${url}/slack/events`,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const body = makeBody(index++);
          return {
            ...request,
            body,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              ...signBody(SECRET, body),
            },
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  } satisfies LoadFigures;
}

const commandBody = (index: number) =>
  slashCommandBody({
    text: 'log',
    user_id: `UBENCH${index % 50}`,
    team_id: TEAM,
    trigger_id: `bench-trigger-${index}`,
  });

const viewBody = (runTag: string) => (index: number) =>
  interactionBody(
    logInteractionSubmission({
      team: TEAM,
      user: `UBENCH${index % 50}`,
      viewId: `V${runTag}${index}`,
      index,
    }),
  );

async function withProcess<T>(
  server: Promise<RunningServer>,
  work: (server: RunningServer) => Promise<T>,
): Promise<T> {
  const running = await server;
  try {
    return await work(running);
  } finally {
    await running.stop();
  }
}

async function startFakeSlackProcess(): Promise<{ server: RunningServer; apiUrl: string }> {
  const server = await startProcess('bench/servers/fake-slack.ts', {}, answersHttp('/url'));
  const apiUrl = await (await fetch(`${server.url}/url`)).text();
  return { server, apiUrl };
}

interface Engine {
  name: 'postgres' | 'pglite';
  env: NodeJS.ProcessEnv;
  cleanup: () => Promise<void>;
}

async function prepareEngines(serverUrl: string | undefined): Promise<Engine[]> {
  const engines: Engine[] = [];
  if (serverUrl) {
    const name = `followup_bench_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    engines.push({
      name: 'postgres',
      env: { DATABASE_URL: url.toString() },
      cleanup: async () => {
        const drop = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await drop.unsafe(`drop database if exists "${name}" with (force)`);
        await drop.end();
      },
    });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'followup-bench-'));
  engines.push({
    name: 'pglite',
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  });
  return engines;
}

/**
 * The interactive path: signed `/followup log` commands and `log_interaction` submissions against the real
 * app process, loaded from this process over loopback, beside a bare node:http server and Bolt acking an
 * empty handler measured in the same run.
 */
export async function runInteractiveBenchmarks(serverUrl: string | undefined): Promise<BenchResult[]> {
  const bare = await withProcess(startProcess('bench/servers/bare-http.ts', {}, answersHttp('/')), (server) =>
    load(server.url, commandBody),
  );
  const boltEmpty = await withProcess(
    startProcess('bench/servers/bolt-empty.ts', { SLACK_SIGNING_SECRET: SECRET }, answersHttp('/healthz')),
    (server) => load(server.url, commandBody),
  );
  const results: BenchResult[] = [
    compare(
      'Bolt empty handler: command acks',
      boltEmpty.requestsPerSecond,
      'req/s',
      'bare node:http',
      bare.requestsPerSecond,
      {
        notes: `p50 ${boltEmpty.p50} ms, p99 ${boltEmpty.p99} ms; bare node:http p99 ${bare.p99} ms`,
      },
    ),
  ];

  const fakeSlack = await startFakeSlackProcess();
  try {
    for (const engine of await prepareEngines(serverUrl)) {
      try {
        const appEnv = {
          ...engine.env,
          SLACK_BOT_TOKEN: 'xoxb-bench',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: fakeSlack.apiUrl,
          LOG_LEVEL: 'error',
        };
        const figures = await withProcess(
          startProcess('src/main.ts', appEnv, answersHttp('/healthz')),
          async (app) => {
            const command = await load(app.url, commandBody);
            const submissionsAtMax = await load(app.url, viewBody(`${engine.name}max`));
            const submissionsAt200 = await load(app.url, viewBody(`${engine.name}200`), { overallRate: 200 });
            return { command, submissionsAtMax, submissionsAt200 };
          },
        );
        results.push(
          compare(
            `[${engine.name}] /followup log command acks`,
            figures.command.requestsPerSecond,
            'req/s',
            'Bolt empty handler',
            boltEmpty.requestsPerSecond,
            {
              floor: {
                description: '>= 0.8 of Bolt empty handler',
                met: figures.command.requestsPerSecond >= 0.8 * boltEmpty.requestsPerSecond,
              },
              notes: `p50 ${figures.command.p50} ms, p99 ${figures.command.p99} ms, non-2xx ${figures.command.non2xx}, errors ${figures.command.errors}`,
            },
          ),
          compare(
            `[${engine.name}] log_interaction submissions (coach + transaction), max`,
            figures.submissionsAtMax.requestsPerSecond,
            'req/s',
            'Bolt empty handler',
            boltEmpty.requestsPerSecond,
            {
              notes: `p50 ${figures.submissionsAtMax.p50} ms, p99 ${figures.submissionsAtMax.p99} ms, non-2xx ${figures.submissionsAtMax.non2xx}`,
            },
          ),
          compare(
            `[${engine.name}] log_interaction p99 at 200 req/s`,
            figures.submissionsAt200.p99,
            'ms',
            'Bolt empty handler p99 at full load',
            boltEmpty.p99,
            {
              ...(engine.name === 'postgres'
                ? {
                    floor: {
                      description: 'p99 < 50 ms at 200 req/s',
                      met: figures.submissionsAt200.p99 < 50,
                    },
                  }
                : {}),
              notes: `achieved ${Math.round(figures.submissionsAt200.requestsPerSecond)} req/s, p50 ${figures.submissionsAt200.p50} ms, non-2xx ${figures.submissionsAt200.non2xx}`,
            },
          ),
        );
      } finally {
        await engine.cleanup();
      }
    }
  } finally {
    await fakeSlack.server.stop();
  }
  return results;
}
