import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.js';
import { deliveries } from '../../src/db/schema.js';
import { addDeal, addPerson, freshWorkspace } from '../jobs/support.js';
import { startAppProcess } from '../support/app-process.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';

/** The app starting as a child process on a busy machine: a deadline for a hang, not a speed. */
const START_DEADLINE_MS = 120_000;

const REPS = ['USIG1', 'USIG2', 'USIG3', 'USIG4', 'USIG5', 'USIG6'];

describe('SIGTERM while the app is sending due-call DMs [pglite]', () => {
  let fake: FakeSlack;
  let dataDir: string;

  beforeAll(async () => {
    fake = await startFakeSlack();
    dataDir = mkdtempSync(join(tmpdir(), 'followup-sigterm-'));
    const seeding = await openPglite(dataDir);
    const workspaceId = await freshWorkspace(seeding.db);
    for (const slackUserId of REPS) {
      // A DM hour of 00:00 makes the DM due whenever the test runs; the call is due now.
      const rep = await addPerson(seeding.db, {
        workspaceId,
        slackUserId,
        timeZone: 'UTC',
        morningDmHour: 0,
        morningDmMinute: 0,
      });
      await addDeal(seeding.db, {
        workspaceId,
        ownerId: rep.id,
        contactName: `Deal ${slackUserId}`,
        step: { dueAt: new Date() },
      });
    }
    await seeding.close();
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the messages in flight, exits cleanly, and leaves nothing claimed', {
    timeout: 2 * START_DEADLINE_MS,
  }, async () => {
    fake.setLatency(250);
    const app = startAppProcess({
      SLACK_BOT_TOKEN: 'xoxb-sigterm',
      SLACK_SIGNING_SECRET: 'sigterm-secret',
      SLACK_API_URL: fake.url,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: '0',
    });

    const deadline = Date.now() + START_DEADLINE_MS;
    while (fake.callsTo('chat.postMessage').length === 0) {
      if (Date.now() > deadline) throw new Error(`the app sent no DM: ${app.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    app.kill('SIGTERM');
    expect(await app.exited).toBe(0);

    const after = await openPglite(dataDir);
    const rows = await after.db.select().from(deliveries);
    await after.close();
    expect(rows.filter((row) => row.status === 'claimed')).toEqual([]);
    const sentTo = rows.filter((row) => row.status === 'sent').map((row) => row.recipientId);
    for (const rep of REPS) {
      expect(fake.messagesTo(rep).length).toBe(sentTo.includes(rep) ? 1 : 0);
    }
    expect(sentTo.length).toBeGreaterThan(0);
  });
});
