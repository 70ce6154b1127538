// Baseline: Bolt's HTTP receiver with signature checks and listeners that only ack; the floor for our handlers.
// WORKERS (default 1) runs that many copies on one port, as the app does with WEB_CONCURRENCY.
import cluster from 'node:cluster';
import { App } from '@slack/bolt';

const workers = Number(process.env.WORKERS ?? 1);
if (workers > 1 && cluster.isPrimary) {
  for (let index = 0; index < workers; index++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
    botId: 'B_BENCH',
    botUserId: 'U_BENCH',
    // Same as the app: no in-memory conversation store (instances keep no state).
    convoStore: false,
    customRoutes: [
      { path: '/healthz', method: ['GET'], handler: (_request, response) => response.end('ok') },
    ],
  });
  app.command('/followup', async ({ ack }) => ack());
  app.view('log_interaction', async ({ ack }) => ack());
  await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
}
