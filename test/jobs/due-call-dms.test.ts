import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { claimDelivery } from '../../src/db/queries/deliveries.js';
import { deliveries, people } from '../../src/db/schema.js';
import { runDueCallDms } from '../../src/jobs/due-call-dms.js';
import { findBlockKitViolations } from '../support/block-kit-limits.js';
import { describeOnEachEngine } from '../support/database.js';
import {
  addCall,
  addDeal,
  addPerson,
  addRepWithCall,
  at,
  freshWorkspace,
  useJobWorld,
  withSecondInstance,
} from './support.js';

describeOnEachEngine('due-call DMs', ({ db, handle }) => {
  const world = useJobWorld();

  const run = (now: Date, instanceId?: string) => runDueCallDms(world.deps(db(), instanceId), now);
  /** Today's due-DM claim for one rep, taken by `instanceId` as of `now`. */
  const claimDueDm = (workspaceId: string, slackUserId: string, instanceId: string, now: Date) =>
    claimDelivery(db(), {
      workspaceId,
      key: { kind: 'due_dm', subject: slackUserId, localDay: '2025-06-10' },
      recipientId: slackUserId,
      instanceId,
      now,
    });
  const NOON = at('2025-06-10T12:00:00Z');

  it('reaches a rep in UTC+13 and one in UTC-10 on the same tick, each at their own 08:30, once', async () => {
    const ws = await freshWorkspace(db());
    // Tonga's 11 June and Honolulu's 10 June both contain 2025-06-10T22:00Z.
    const dueAt = at('2025-06-10T22:00:00Z');
    await addRepWithCall(
      db(),
      { workspaceId: ws, slackUserId: 'UTONGA', timeZone: 'Pacific/Tongatapu' },
      { contactName: 'Sione', dueAt },
    );
    await addRepWithCall(
      db(),
      { workspaceId: ws, slackUserId: 'UHAWAII', timeZone: 'Pacific/Honolulu' },
      { contactName: 'Kai', dueAt },
    );

    await run(at('2025-06-10T18:29:00Z'));
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(0);
    await run(at('2025-06-10T18:30:00Z'));
    expect(world.slack.messagesTo('UHAWAII')).toHaveLength(1);
    expect(world.slack.messagesTo('UTONGA')).toHaveLength(0);
    await run(at('2025-06-10T19:30:00Z'));
    await run(at('2025-06-10T19:31:00Z'));
    expect(world.slack.messagesTo('UHAWAII')).toHaveLength(1);
    expect(world.slack.messagesTo('UTONGA')).toHaveLength(1);
  });

  it('follows DST in New York and Berlin, fires at the end of a spring-forward gap, and sends once on a fall-back morning that repeats its hour', async () => {
    const ws = await freshWorkspace(db());
    await addRepWithCall(
      db(),
      { workspaceId: ws, slackUserId: 'UNY', timeZone: 'America/New_York' },
      { contactName: 'Nia', dueAt: at('2025-03-09T18:00:00Z') },
    );
    await addRepWithCall(
      db(),
      { workspaceId: ws, slackUserId: 'UBER', timeZone: 'Europe/Berlin' },
      { contactName: 'Ben', dueAt: at('2025-03-30T12:00:00Z') },
    );
    // New York springs forward on 9 March: 08:30 EDT is 12:30 UTC, not 13:30.
    await run(at('2025-03-09T12:29:00Z'));
    expect(world.slack.messagesTo('UNY')).toHaveLength(0);
    await run(at('2025-03-09T12:30:00Z'));
    expect(world.slack.messagesTo('UNY')).toHaveLength(1);
    // Berlin springs forward on 30 March: 08:30 CEST is 06:30 UTC.
    await run(at('2025-03-30T06:29:00Z'));
    expect(world.slack.messagesTo('UBER')).toHaveLength(0);
    await run(at('2025-03-30T06:30:00Z'));
    expect(world.slack.messagesTo('UBER')).toHaveLength(1);

    const newYorker = { workspaceId: ws, timeZone: 'America/New_York', morningDmMinute: 30 };
    await addRepWithCall(
      db(),
      { ...newYorker, slackUserId: 'UEARLY', morningDmHour: 1 },
      { contactName: 'Eve', dueAt: at('2025-11-02T15:00:00Z') },
    );
    // A 02:30 DM on the spring-forward night, when 02:30 does not exist, goes at 03:00 EDT, the gap's end.
    await addRepWithCall(
      db(),
      { ...newYorker, slackUserId: 'UGAP', morningDmHour: 2 },
      { contactName: 'Gus', dueAt: at('2025-03-09T15:00:00Z') },
    );
    await run(at('2025-03-09T06:59:00Z')); // 01:59 EST
    expect(world.slack.messagesTo('UGAP')).toHaveLength(0);
    await run(at('2025-03-09T07:00:00Z')); // 03:00 EDT
    expect(world.slack.messagesTo('UGAP')).toHaveLength(1);

    await run(at('2025-11-02T05:30:00Z')); // the first 01:30 (EDT)
    await run(at('2025-11-02T06:30:00Z')); // the second 01:30 (EST)
    expect(world.slack.messagesTo('UEARLY')).toHaveLength(1);
  });

  it('sends no DM when nothing is due, and catches up later the same day when no instance ran at 08:30', async () => {
    const ws = await freshWorkspace(db());
    await addRepWithCall(
      db(),
      { workspaceId: ws, slackUserId: 'ULATE', timeZone: 'Europe/London' },
      { contactName: 'Tom', dueAt: at('2025-06-11T10:00:00Z') },
    );
    await run(at('2025-06-10T07:30:00Z'));
    expect(world.slack.messagesTo('ULATE')).toHaveLength(0);
    // Nothing ran on 11 June until 15:00 local: the DM still goes out, once.
    await run(at('2025-06-11T14:00:00Z'));
    await run(at('2025-06-11T14:01:00Z'));
    const [late, ...again] = world.slack.messagesTo('ULATE');
    expect(again).toHaveLength(0);
    // Sent at 15:00 local: a catch-up that says so, not a "good morning".
    expect(late?.text).toBe('Catching up on today: 1 call due today, 0 overdue.');
    expect(JSON.stringify(late?.blocks)).toContain('Catching up: your calls for Wed 11 Jun');
  });

  it('sends one DM a day however many calls are due, with briefs, coaching and buttons inside Block Kit limits', async () => {
    const ws = await freshWorkspace(db());
    const rep = await addPerson(db(), { workspaceId: ws, slackUserId: 'UBUSY', timeZone: 'UTC' });
    for (let i = 0; i < 20; i++) {
      await addDeal(db(), {
        workspaceId: ws,
        ownerId: rep.id,
        contactName: `Prospect ${i}`,
        hotButton: i === 0 ? 'cutting downtime on line 2' : null,
        stakeholders: i === 0 ? ['Sue (CFO)'] : [],
        step: {
          dueAt: at(i < 10 ? '2025-06-08T10:00:00Z' : '2025-06-10T15:00:00Z'),
          coachVerdict: i === 10 ? null : 'value',
        },
      });
    }
    await run(at('2025-06-10T08:30:00Z'));
    const [message, ...others] = world.slack.messagesTo('UBUSY');
    expect(others).toHaveLength(0);
    const blocks = message?.blocks as { type: string }[];
    expect(findBlockKitViolations('message', { text: message?.text, blocks })).toEqual([]);
    const body = JSON.stringify(blocks);
    expect(body).toContain(':mag: Ask who decides   :dart: Cares about cutting downtime on line 2');
    expect(body).toContain('Ask who else to involve');
    expect(body).toContain('*Overdue (10)*: bring a real reason or agree a new time.');
    expect(body).toContain('Bring them something new, not a check-in');
    expect(body).toContain('and 3 more');
    expect(body).toContain('"action_id":"log_outcome"');
    expect(body).toContain('"action_id":"reschedule"');
  });

  it('counts overdue and today’s calls apart when a short list is read in one pass', async () => {
    const ws = await freshWorkspace(db());
    const rep = await addPerson(db(), { workspaceId: ws, slackUserId: 'UMIX', timeZone: 'Asia/Tokyo' });
    // 9 June 23:30 in Tokyo is overdue on the 10th; 10 June 23:30 in Tokyo is today's.
    const dues = [...Array(9).fill('2025-06-09T14:30:00Z'), '2025-06-10T14:30:00Z', '2025-06-10T05:00:00Z'];
    for (const [i, dueAt] of dues.entries()) {
      await addCall(db(), { workspaceId: ws, ownerId: rep.id, contactName: `Mix ${i}`, dueAt: at(dueAt) });
    }
    await run(at('2025-06-10T00:00:00Z')); // 09:00 in Tokyo
    const [message, ...others] = world.slack.messagesTo('UMIX');
    expect(others).toHaveLength(0);
    expect(message?.text).toBe('Good morning: 2 calls due today, 9 overdue.');
    const body = JSON.stringify(message?.blocks);
    expect(body).toContain('*Overdue (9)*');
    expect(body).toContain('*Today (2)*');
    expect(body).toContain('and 2 more');
    expect(body.match(/"action_id":"log_outcome"/g)).toHaveLength(9);
  });

  it('sends everyone their DM when one rep’s zone is unknown to the database, that rep by UTC', async () => {
    const ws = await freshWorkspace(db());
    const known = await addPerson(db(), { workspaceId: ws, slackUserId: 'UKNOWN', timeZone: 'Europe/Paris' });
    const odd = await addPerson(db(), { workspaceId: ws, slackUserId: 'UODD', timeZone: 'Mars/Olympus' });
    for (const rep of [known, odd]) {
      await addCall(db(), { workspaceId: ws, ownerId: rep.id, contactName: `Zone ${rep.id}`, dueAt: NOON });
    }
    world.warnings.length = 0;
    await run(at('2025-06-10T08:29:00Z'));
    expect(world.slack.messagesTo('UODD')).toHaveLength(0);
    await run(at('2025-06-10T08:30:00Z'));
    expect(world.slack.messagesTo('UKNOWN')).toHaveLength(1);
    expect(world.slack.messagesTo('UODD')).toHaveLength(1);
    expect(world.warnings.join('\n')).toMatch(/does not know the time zone \S*Mars\/Olympus/);
  });

  it('lets two concurrent runners send each DM exactly once', async () => {
    const ws = await freshWorkspace(db());
    for (let i = 0; i < 12; i++) {
      const rep = { workspaceId: ws, slackUserId: `UPAIR${i}`, timeZone: 'UTC' };
      await addRepWithCall(db(), rep, { contactName: `P${i}`, dueAt: NOON });
    }
    const now = at('2025-06-10T09:00:00Z');
    const [a, b] = await withSecondInstance(handle(), (second) =>
      Promise.all([run(now, 'one'), runDueCallDms(world.deps(second, 'two'), now)]),
    );
    expect(a.sent + b.sent).toBe(12);
    for (let i = 0; i < 12; i++) expect(world.slack.messagesTo(`UPAIR${i}`)).toHaveLength(1);
  });

  it('resumes a claim left by a process killed between claim and send, once its lease runs out', async () => {
    const ws = await freshWorkspace(db());
    const rep = { workspaceId: ws, slackUserId: 'UCRASH', timeZone: 'UTC' };
    await addRepWithCall(db(), rep, { contactName: 'Cat', dueAt: NOON });
    const claim = await claimDueDm(ws, 'UCRASH', 'killed', at('2025-06-10T09:00:00Z'));
    expect(claim).toBeDefined();
    await run(at('2025-06-10T09:01:00Z'));
    expect(world.slack.messagesTo('UCRASH')).toHaveLength(0);
    await run(at('2025-06-10T09:06:00Z'));
    await run(at('2025-06-10T09:07:00Z'));
    expect(world.slack.messagesTo('UCRASH')).toHaveLength(1);
    const [row] = await db()
      .select()
      .from(deliveries)
      .where(eq(deliveries.id, claim?.id ?? 0));
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('waits out a 429 storm and still sends each DM once', async () => {
    const ws = await freshWorkspace(db());
    for (let i = 0; i < 5; i++) {
      const rep = { workspaceId: ws, slackUserId: `USTORM${i}`, timeZone: 'UTC' };
      await addRepWithCall(db(), rep, { contactName: `S${i}`, dueAt: NOON });
    }
    // Fewer 429s than one message's retry budget, however the concurrent senders share them.
    world.slack.failNext('chat.postMessage', { ratelimited: 3 }, 8);
    const tally = await run(at('2025-06-10T09:00:00Z'));
    expect(tally, world.warnings.join('\n')).toEqual({ sent: 5, skipped: 0, failed: 0 });
    for (let i = 0; i < 5; i++) expect(world.slack.messagesTo(`USTORM${i}`)).toHaveLength(1);
    expect(world.slack.callsTo('chat.postMessage').filter((call) => call.status === 429)).toHaveLength(8);
  });

  it('stamps a claim with the time it was taken and renews it after a long Retry-After or paced wait', async () => {
    const ws = await freshWorkspace(db());
    for (const slackUserId of ['UWAIT1', 'UWAIT2']) {
      const rep = { workspaceId: ws, slackUserId, timeZone: 'UTC' };
      await addRepWithCall(db(), rep, { contactName: slackUserId, dueAt: NOON });
    }
    const now = at('2025-06-10T09:00:00Z');
    const deps = world.deps(db());
    // A 429 seen just before holds the whole workspace off for 400 s, and the first send here gets another.
    deps.pacer.holdOff(ws, 400_000);
    world.slack.failNext('chat.postMessage', { ratelimited: 400 }, 1);
    const tally = await runDueCallDms(deps, now);
    expect(tally).toEqual({ sent: 2, skipped: 0, failed: 0 });
    const rows = await db().select().from(deliveries).where(eq(deliveries.workspaceId, ws));
    // Both claims were renewed after their waits, so the five-minute lease never ran out under them.
    for (const row of rows) expect(row.claimedAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(400_000);
    expect(world.slack.messagesTo('UWAIT1')).toHaveLength(1);
    expect(world.slack.messagesTo('UWAIT2')).toHaveLength(1);
  });

  it('leaves a message to the instance that took its claim over during a long Retry-After wait', async () => {
    const ws = await freshWorkspace(db());
    const rep = { workspaceId: ws, slackUserId: 'USTOLEN', timeZone: 'UTC' };
    await addRepWithCall(db(), rep, { contactName: 'Stella', dueAt: NOON });
    const now = at('2025-06-10T09:00:00Z');
    const deps = world.deps(db(), 'slow');
    const takeOver = () => claimDueDm(ws, 'USTOLEN', 'other', new Date(now.getTime() + 60 * 60_000));
    world.slack.failNext('chat.postMessage', { ratelimited: 400 }, 1);
    const tally = await runDueCallDms(
      {
        ...deps,
        clock: {
          now: deps.clock.now,
          sleep: async (ms) => {
            await deps.clock.sleep(ms);
            expect(await takeOver()).toBeDefined();
          },
        },
      },
      now,
    );
    expect(tally).toEqual({ sent: 0, skipped: 1, failed: 0 });
    expect(world.slack.messagesTo('USTOLEN')).toHaveLength(0);
    const [row] = await db().select().from(deliveries).where(eq(deliveries.workspaceId, ws));
    expect(row).toMatchObject({ status: 'claimed', claimedBy: 'other' });
  });

  it('skips a rep Slack reports deleted, marks them as gone, and never DMs them again', async () => {
    const ws = await freshWorkspace(db(), { managerChannelId: 'CMGR' });
    const rep = { workspaceId: ws, slackUserId: 'UGONE', timeZone: 'UTC' };
    await addRepWithCall(db(), rep, { contactName: 'Gil', dueAt: NOON });
    world.slack.setDeletedUser('UGONE');
    const first = await run(at('2025-06-10T09:00:00Z'));
    await run(at('2025-06-10T09:01:00Z'));
    await run(at('2025-06-11T09:00:00Z'));
    expect(first).toEqual({ sent: 0, skipped: 1, failed: 0 });
    expect(world.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(world.slack.messagesTo('CMGR')).toEqual([]);
    const [gone] = await db().select().from(people).where(eq(people.slackUserId, 'UGONE'));
    expect(gone?.deactivatedAt).toEqual(at('2025-06-10T09:00:00Z'));
    const rows = await db().select().from(deliveries).where(eq(deliveries.recipientId, 'UGONE'));
    expect(rows.map((row) => row.status)).toEqual(['skipped']);
  });
});
