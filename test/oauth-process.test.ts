import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../bench/support/processes.js';
import { startAppProcess } from './support/app-process.js';
import { installThroughBrowser, openInstallPage } from './support/browser-install.js';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.js';
import { sendSlashCommand } from './support/signed-requests.js';

/** The app starting as a child process on a busy machine: a deadline for a hang, not a speed. */
const START_DEADLINE_MS = 120_000;
const SECRET = 'oauth-process-secret';
const APP = { clientId: '3333.4444', clientSecret: 'process-client-secret', appId: 'A0PROCESS' };
const TEAM = { teamId: 'T0PROC', name: 'Process Co', botUserId: 'U0PROCBOT', botId: 'B0PROCBOT' };

describe('the app started for many workspaces (OAuth)', () => {
  let fake: FakeSlack;
  let dataDir: string;
  beforeAll(async () => {
    fake = await startFakeSlack({
      oauth: APP,
      workspaces: [TEAM],
      users: [{ id: 'U0PAT', teamId: TEAM.teamId }],
    });
    dataDir = mkdtempSync(join(tmpdir(), 'followup-oauth-process-'));
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops at once naming each missing OAuth variable', { timeout: START_DEADLINE_MS }, async () => {
    const app = startAppProcess({
      SLACK_CLIENT_ID: APP.clientId,
      SLACK_SIGNING_SECRET: SECRET,
      DATA_DIR: dataDir,
    });
    expect(await app.exited).toBe(1);
    for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'TOKEN_ENCRYPTION_KEY']) {
      expect(app.stderr()).toContain(`${name} is required`);
    }
    expect(app.stderr()).not.toContain('SLACK_BOT_TOKEN');
  });

  it('starts with no workspace, installs one through /slack/install, and serves it with its own token', {
    timeout: 2 * START_DEADLINE_MS,
  }, async () => {
    const port = await findFreePort();
    const app = startAppProcess({
      SLACK_CLIENT_ID: APP.clientId,
      SLACK_CLIENT_SECRET: APP.clientSecret,
      SLACK_STATE_SECRET: 'process-state-secret',
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.url,
      DATA_DIR: dataDir,
      PORT: String(port),
    });
    const target = { baseUrl: `http://127.0.0.1:${port}`, fake };
    const deadline = Date.now() + START_DEADLINE_MS;
    while (
      !(await fetch(`${target.baseUrl}/healthz`).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`the app did not start: ${app.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(fake.callsTo('auth.test')).toEqual([]);
    expect((await openInstallPage(target)).html).toContain('Add to Slack');

    const done = await installThroughBrowser(target, { teamId: TEAM.teamId, userId: 'U0PAT' });
    expect(done.html).toContain('Follow-Up Coach is installed in Process Co');
    const response = await sendSlashCommand(target.baseUrl, SECRET, {
      text: 'log',
      user_id: 'U0PAT',
      team_id: TEAM.teamId,
      trigger_id: fake.issueTriggerId(),
    });
    expect(response.status).toBe(200);
    while (!fake.callsTo('views.open').some((call) => call.ok && call.teamId === TEAM.teamId)) {
      if (Date.now() > deadline) throw new Error(`the command was not served: ${app.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    app.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(app.stderr()).not.toMatch(/xoxb-/);
  });
});
