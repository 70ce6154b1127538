import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobsCommand } from '../../src/cli/jobs-command.js';
import { openPglite } from '../../src/db/client.js';
import { deliveries } from '../../src/db/schema.js';
import { addRepWithCall, at, freshWorkspace } from '../jobs/support.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';

const REPS = ['UKILL1', 'UKILL2', 'UKILL3', 'UKILL4'];
const AS_OF = at('2026-03-10T09:00:00Z');
/** Past the claims' one-minute lease: the pass that takes over what the killed process held. */
const LATER = at('2026-03-10T09:03:00Z');

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('kill -9 between Slack accepting a DM and its being recorded as sent [pglite]', () => {
  let fake: FakeSlack;
  let dataDir: string;

  beforeAll(async () => {
    fake = await startFakeSlack({ rateLimits: { 'chat.postMessage': [] } });
    dataDir = mkdtempSync(join(tmpdir(), 'followup-kill9-'));
    const seeding = await openPglite(dataDir);
    const workspaceId = await freshWorkspace(seeding.db);
    for (const slackUserId of REPS) {
      await addRepWithCall(
        seeding.db,
        { workspaceId, slackUserId, timeZone: 'UTC', morningDmHour: 0, morningDmMinute: 0 },
        { contactName: `Deal of ${slackUserId}`, dueAt: at('2026-03-10T15:00:00Z') },
      );
    }
    await seeding.close();
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const env = () => ({
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SLACK_BOT_TOKEN: 'xoxb-kill9',
    SLACK_API_URL: fake.url,
  });

  it('leaves each rep exactly one DM once a later pass takes the claims over', async () => {
    // Slack takes the first DM, but its answer never comes back: the process cannot record it as sent.
    fake.failNext('chat.postMessage', { neverAnswer: 'after_acting' });
    const pass = spawn(
      process.execPath,
      ['bin/followup.js', 'jobs', 'due-dms', '--at', AS_OF.toISOString()],
      { env: { ...process.env, ...env() }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    pass.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise((resolve) => pass.once('exit', resolve));
    await waitFor(
      () => REPS.every((rep) => fake.messagesTo(rep).length === 1),
      `all four DMs reaching Slack (${stderr})`,
    );
    pass.kill('SIGKILL');
    await exited;

    const io = { stdout: new PassThrough(), stderr: new PassThrough() };
    const code = await runJobsCommand(['due-dms', '--at', LATER.toISOString()], { ...io, env: env() });

    expect(code).toBe(0);
    expect(REPS.map((rep) => fake.messagesTo(rep).length)).toEqual(REPS.map(() => 1));
    const after = await openPglite(dataDir);
    const rows = await after.db.select().from(deliveries);
    await after.close();
    expect(rows.map((row) => row.status)).toEqual(REPS.map(() => 'sent'));
  }, 120_000);
});
