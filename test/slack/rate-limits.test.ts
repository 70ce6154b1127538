import { afterAll, describe, expect, it } from 'vitest';
import { runDueCallDms } from '../../src/jobs/due-call-dms.js';
import type { Clock } from '../../src/jobs/pacer.js';
import { addRepWithCall, at, freshWorkspace, useJobWorld } from '../jobs/support.js';
import { describeOnEachEngine } from '../support/database.js';
import { eventually, useSlackTestApp } from '../support/slack-test-app.js';
import { logSubmission, logValues, moreAboutThemMetadata } from './log-values.js';

const NOW = new Date('2025-06-02T08:00:00Z');
const PLAN =
  'Their Dell R740 warranty ends 14 June: walk Dana through the renewal quote and the upgrade price';

/** Real time, except that every wait is held until the test lets them all go: a Retry-After that lasts. */
function heldWaits(): Clock & { held(): number; letGo(): void } {
  const waiting: (() => void)[] = [];
  let letGo = false;
  return {
    now: Date.now,
    sleep: (ms) =>
      letGo || ms <= 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)),
    held: () => waiting.length,
    letGo: () => {
      letGo = true;
      for (const resume of waiting.splice(0)) resume();
    },
  };
}

describe('a rate-limited DM and the modals of others [pglite]', () => {
  const waits = heldWaits();

  const t = useSlackTestApp({
    engine: 'pglite',
    now: NOW,
    pacingClock: waits,
    fakeOptions: {
      users: [
        { id: 'U0AMY', tz: 'Europe/Berlin' },
        { id: 'U0BEN', tz: 'Europe/Berlin' },
      ],
    },
  });
  afterAll(async () => {
    waits.letGo();
  });

  it('opens Ben’s log modal while Amy’s confirmation DM waits out its 429, then sends Amy’s DM once', async () => {
    t.fake.failNext('chat.postMessage', { ratelimited: 30 });
    const submitted = await t.sendInteraction(
      logSubmission(
        'U0AMY',
        logValues({
          prospect: 'Dana',
          company: 'Acme',
          nextCallAt: new Date('2025-06-04T08:00:00Z'),
          agreed: true,
          valueReason: 'warranty_expiring',
          plan: PLAN,
        }),
        { id: 'VAMY429', privateMetadata: moreAboutThemMetadata({ hotButton: 'downtime' }) },
      ),
    );
    expect(submitted.status).toBe(200);
    // Amy's confirmation was refused with Retry-After 30 and is now waiting it out.
    await eventually(() => expect(waits.held()).toBeGreaterThan(0));
    expect(t.fake.callsTo('chat.postMessage').map((call) => call.status)).toEqual([429]);

    expect((await t.sendCommand('log', 'U0BEN')).status).toBe(200);
    const [open] = await eventually(() => {
      const opens = t.fake.callsTo('views.open');
      expect(opens).toHaveLength(1);
      return opens;
    });
    expect(open?.ok).toBe(true);
    // Ben's modal went through while Amy's DM was still held back.
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(1);

    waits.letGo();
    await eventually(() => expect(t.fake.messagesTo('U0AMY')).toHaveLength(1));
    expect(t.fake.callsTo('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
  });
});

describeOnEachEngine('a 429 with the production client configuration', ({ db }) => {
  const world = useJobWorld();

  it('waits out Retry-After once and sends the DM once', async () => {
    const workspaceId = await freshWorkspace(db());
    await addRepWithCall(
      db(),
      { workspaceId, slackUserId: 'URETRY', timeZone: 'UTC' },
      { contactName: 'Dana', dueAt: at('2025-06-10T15:00:00Z') },
    );
    world.slack.failNext('chat.postMessage', { ratelimited: 7 });
    const before = world.clock.now();

    const tally = await runDueCallDms(world.deps(db()), at('2025-06-10T09:00:00Z'));

    expect(tally.sent).toBe(1);
    expect(world.slack.callsTo('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
    expect(world.slack.messagesTo('URETRY')).toHaveLength(1);
    expect(world.clock.now() - before).toBeGreaterThanOrEqual(7000);
  });
});
