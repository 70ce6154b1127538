import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir as osTmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { renderLogModal } from '../src/slack/blocks/log-modal.js';
import { webClientOptions } from '../src/slack/node-http-fetch.js';
import { interactionBody, signBody, slashCommandBody } from '../test/support/signed-requests.js';
import { logInteractionSubmission } from './support/log-submission.js';
import { answersHttp, type RunningServer, startProcess } from './support/processes.js';
import { type BenchResult, compare, formatNumber } from './support/report.js';

const SECRET = 'bench-signing-secret';
const TEAM = 'T0FAKE';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
/** App workers on PostgreSQL (WEB_CONCURRENCY): one per core, as a deployment on this host would run. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism());

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

/**
 * Web API calls opening the log modal, from this process at the load generator's concurrency: the most
 * `/followup log` commands a process could serve even if acking, Bolt and the database cost nothing.
 */
async function measureModalOpens(apiUrl: string): Promise<number> {
  const client = new WebClient('xoxb-bench', webClientOptions(apiUrl));
  const view = renderLogModal({
    prospect: null,
    typedName: '',
    summary: '',
    fromHome: false,
    nextCallAt: new Date(Date.now() + 2 * 86_400_000),
  });
  let opened = 0;
  const open = () => client.views.open({ trigger_id: `bench-ceiling-${opened}`, view });
  for (let warmUp = 0; warmUp < 200; warmUp++) await open();
  const endsAt = Date.now() + SECONDS * 1000;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < endsAt) {
        await open();
        opened++;
      }
    }),
  );
  return opened / ((performance.now() - startedAt) / 1000);
}

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
  /** The embedded database belongs to one process; the server is shared by every worker. */
  workers: number;
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
      workers: WORKERS,
      env: { DATABASE_URL: url.toString(), WEB_CONCURRENCY: String(WORKERS) },
      cleanup: async () => {
        const drop = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await drop.unsafe(`drop database if exists "${name}" with (force)`);
        await drop.end();
      },
    });
  }
  const dataDir = mkdtempSync(join(osTmpdir(), 'followup-bench-'));
  engines.push({
    name: 'pglite',
    workers: 1,
    env: { DATA_DIR: dataDir, DATABASE_URL: '', WEB_CONCURRENCY: '1' },
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  });
  return engines;
}

/**
 * The interactive path: signed `/followup log` commands and `log_interaction` submissions against the real
 * app process, loaded from this process over loopback, beside a bare node:http server and Bolt acking an
 * empty handler measured in the same run.
 */
export async function runInteractiveBenchmarks(
  serverUrl: string | undefined,
  options: { submissions?: boolean } = {},
): Promise<BenchResult[]> {
  const withSubmissions = options.submissions ?? true;
  const bare = await withProcess(startProcess('bench/servers/bare-http.ts', {}, answersHttp('/')), (server) =>
    load(server.url, commandBody),
  );
  const boltEmptyIn = async (workers: number) =>
    withProcess(
      startProcess(
        'bench/servers/bolt-empty.ts',
        { SLACK_SIGNING_SECRET: SECRET, WORKERS: String(workers) },
        answersHttp('/healthz'),
      ),
      (server) => load(server.url, commandBody),
    );
  const boltEmpty = new Map<number, LoadFigures>([[1, await boltEmptyIn(1)]]);
  if (WORKERS > 1) boltEmpty.set(WORKERS, await boltEmptyIn(WORKERS));
  const boltEmptyName = (workers: number) =>
    workers === 1 ? 'Bolt empty handler' : `Bolt empty handler, ${workers} workers`;
  const results: BenchResult[] = [...boltEmpty].map(([workers, figures]) =>
    compare(
      `${boltEmptyName(workers)}: command acks`,
      figures.requestsPerSecond,
      'req/s',
      'bare node:http',
      bare.requestsPerSecond,
      { notes: `p50 ${figures.p50} ms, p99 ${figures.p99} ms; bare node:http p99 ${bare.p99} ms` },
    ),
  );

  const fakeSlack = await startFakeSlackProcess();
  try {
    const modalCeiling = await measureModalOpens(fakeSlack.apiUrl);
    results.push(
      compare(
        'Web API client alone opening the log modal (one process, no Bolt, no database)',
        modalCeiling,
        'calls/s',
        'Bolt empty handler',
        boltEmpty.get(1)?.requestsPerSecond ?? Number.NaN,
        {
          notes:
            'the most /followup log commands one process can serve: each one opens this modal; ' +
            'the 0.8 command-ack floor would need a command to cost no more than an empty ack',
        },
      ),
    );
    for (const engine of await prepareEngines(serverUrl)) {
      try {
        const appEnv = {
          ...engine.env,
          SLACK_BOT_TOKEN: 'xoxb-bench',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: fakeSlack.apiUrl,
          LOG_LEVEL: 'error',
        };
        const baseline = boltEmpty.get(engine.workers) ?? boltEmpty.get(1);
        const baselineName = boltEmptyName(boltEmpty.has(engine.workers) ? engine.workers : 1);
        const workers = engine.workers === 1 ? '1 process' : `${engine.workers} workers`;
        const figures = await withProcess(
          startProcess('src/main.ts', appEnv, answersHttp('/healthz')),
          async (app) => {
            const command = await load(app.url, commandBody);
            if (!withSubmissions) return { command };
            const submissionsAtMax = await load(app.url, viewBody(`${engine.name}max`));
            const submissionsAt200 = await load(app.url, viewBody(`${engine.name}200`), { overallRate: 200 });
            return { command, submissionsAtMax, submissionsAt200 };
          },
        );
        results.push(
          compare(
            `[${engine.name}, ${workers}] /followup log command acks`,
            figures.command.requestsPerSecond,
            'req/s',
            baselineName,
            baseline?.requestsPerSecond ?? Number.NaN,
            {
              floor: {
                description: '>= 0.8 of Bolt empty handler',
                met: figures.command.requestsPerSecond >= 0.8 * (baseline?.requestsPerSecond ?? Number.NaN),
              },
              notes:
                `p50 ${figures.command.p50} ms, p99 ${figures.command.p99} ms, non-2xx ${figures.command.non2xx}, ` +
                `errors ${figures.command.errors}; ` +
                `${formatNumber(figures.command.requestsPerSecond / modalCeiling)} of the Web API client's one-process modal-opening rate`,
            },
          ),
        );
        const { submissionsAtMax, submissionsAt200 } = figures;
        if (!submissionsAtMax || !submissionsAt200) continue;
        results.push(
          compare(
            `[${engine.name}, ${workers}] log_interaction submissions (coach + save), max`,
            submissionsAtMax.requestsPerSecond,
            'req/s',
            baselineName,
            baseline?.requestsPerSecond ?? Number.NaN,
            {
              notes: `p50 ${submissionsAtMax.p50} ms, p99 ${submissionsAtMax.p99} ms, non-2xx ${submissionsAtMax.non2xx}`,
            },
          ),
          compare(
            `[${engine.name}, ${workers}] log_interaction p99 at 200 req/s`,
            submissionsAt200.p99,
            'ms',
            `${baselineName} p99 at full load`,
            baseline?.p99 ?? Number.NaN,
            {
              ...(engine.name === 'postgres'
                ? {
                    floor: {
                      description: 'p99 < 50 ms at 200 req/s',
                      met: submissionsAt200.p99 < 50,
                    },
                  }
                : {}),
              notes: `achieved ${Math.round(submissionsAt200.requestsPerSecond)} req/s, p50 ${submissionsAt200.p50} ms, non-2xx ${submissionsAt200.non2xx}`,
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
