import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobsCommand } from '../../src/cli/jobs-command.js';
import { openPglite } from '../../src/db/client.js';
import { captureOutput } from '../support/cli-output.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { addRepWithCall, at, freshWorkspace } from './support.js';

describe('followup jobs', () => {
  let dataDir: string;
  let slack: FakeSlack;
  let workspaceId: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'followup-jobs-cli-'));
    slack = await startFakeSlack();
    const handle = await openPglite(dataDir);
    workspaceId = await freshWorkspace(handle.db);
    await addRepWithCall(
      handle.db,
      { workspaceId, slackUserId: 'UCLI', timeZone: 'America/New_York' },
      { contactName: 'Cli', dueAt: at('2026-03-09T15:00:00Z') },
    );
    await handle.close();
  });
  afterAll(async () => {
    await slack.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const env = () => ({ DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-cli', SLACK_API_URL: slack.url });

  it('refuses a pass without --at, with the usage and exit code 2', async () => {
    const io = captureOutput();
    expect(await runJobsCommand(['due-dms'], { ...io, env: env() })).toBe(2);
    expect(io.err()).toContain('--at');
  });

  it('runs one due-DM pass as of a given time, idempotently, and reports it in status', async () => {
    const first = captureOutput();
    expect(
      await runJobsCommand(['due-dms', '--at', '2026-03-09T08:30:00-04:00'], { ...first, env: env() }),
    ).toBe(0);
    expect(first.out()).toContain('sent 1, skipped 0, failed 0');
    const again = captureOutput();
    expect(
      await runJobsCommand(['due-dms', '--at', '2026-03-09T08:31:00-04:00'], { ...again, env: env() }),
    ).toBe(0);
    expect(again.out()).toContain('sent 0');
    expect(slack.messagesTo('UCLI')).toHaveLength(1);
    const status = captureOutput();
    expect(await runJobsCommand(['status'], { ...status, env: env() })).toBe(0);
    expect(status.out()).toMatch(/due_dms\s+as of 2026-03-09T12:30:00.000Z {2}sent 1/);
    expect(status.out()).toContain('No delivery failures.');
  });

  it('exits 1 when a delivery fails, and lists the failure with its reason in status', async () => {
    const handle = await openPglite(dataDir);
    await addRepWithCall(
      handle.db,
      { workspaceId, slackUserId: 'UCLIGONE', timeZone: 'America/New_York' },
      { contactName: 'Gone', dueAt: at('2026-03-10T15:00:00Z') },
    );
    await handle.close();
    slack.failPostsTo('UCLIGONE', 'channel_not_found');
    const pass = captureOutput();
    expect(
      await runJobsCommand(['due-dms', '--at', '2026-03-10T08:30:00-04:00'], { ...pass, env: env() }),
    ).toBe(1);
    expect(pass.out()).toContain('sent 1, skipped 0, failed 1');
    expect(pass.err()).toContain('due_dm to UCLIGONE failed for good: channel_not_found');
    const status = captureOutput();
    expect(await runJobsCommand(['status'], { ...status, env: env() })).toBe(0);
    expect(status.out()).toMatch(/due_dms\s+as of 2026-03-10T12:30:00.000Z {2}sent 1, skipped 0, failed 1/);
    expect(status.out()).toContain(`due_dm to UCLIGONE [${workspaceId}]: channel_not_found`);
  });
});
