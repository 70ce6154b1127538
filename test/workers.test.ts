import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../bench/support/processes.js';
import { startAppProcess } from './support/app-process.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.js';
import { sendSlashCommand } from './support/signed-requests.js';

/** The app starting as a child process on a busy machine: a deadline for a hang, not a speed. */
const START_DEADLINE_MS = 120_000;

const SECRET = 'workers-secret';

describe.runIf(process.env.TEST_DATABASE_URL)('several worker processes on one host [postgres]', () => {
  let fake: FakeSlack;
  let database: TestDatabase;

  beforeAll(async () => {
    fake = await startFakeSlack();
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.close();
    await fake?.close();
  });

  it('share one port, answer every command, and all stop cleanly on SIGTERM', {
    timeout: 2 * START_DEADLINE_MS,
  }, async () => {
    const port = await findFreePort();
    const app = startAppProcess({
      SLACK_BOT_TOKEN: 'xoxb-workers',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.url,
      DATABASE_URL: database.url,
      WEB_CONCURRENCY: '2',
      PORT: String(port),
    });
    const url = `http://127.0.0.1:${port}`;

    const deadline = Date.now() + START_DEADLINE_MS;
    // Both workers have started when both have checked the bot token.
    while (fake.callsTo('auth.test').length < 2) {
      if (Date.now() > deadline) throw new Error(`the workers did not start: ${app.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    while (
      !(await fetch(`${url}/healthz`).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`the workers do not answer: ${app.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        sendSlashCommand(url, SECRET, { text: 'help', user_id: `UWORK${index}`, team_id: 'T0WORK' }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));

    app.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });
});
