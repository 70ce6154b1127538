import { and, eq, gte } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/db/queries/people.js';
import { deliveries, jobRuns } from '../../src/db/schema.js';
import { runDigests } from '../../src/jobs/digests.js';
import { runDueCallDms } from '../../src/jobs/due-call-dms.js';
import { snoozeNextStep } from '../../src/usecases/change-next-step.js';
import { type LogCallForm, logCall } from '../../src/usecases/log-call.js';
import { pauseDeal } from '../../src/usecases/pause-deal.js';
import { setTeam } from '../../src/usecases/set-team.js';
import { describeOnEachEngine } from '../support/database.js';
import {
  addRepWithCall,
  at,
  callForm,
  dealsListed,
  freshWorkspace,
  meetPerson,
  useJobWorld,
} from './support.js';

const DAY = 86_400_000;
const START = at('2025-06-02T09:00:00Z'); // a Monday, 09:00 UTC: the digest time of these workspaces
const day = (n: number) => new Date(START.getTime() + n * DAY);

describeOnEachEngine('deals over time', ({ db }) => {
  const world = useJobWorld();

  /** A manager (UTC, digest at 09:00 every day) with one rep in Berlin. */
  async function team(): Promise<{ ws: string; rep: Person; manager: Person }> {
    const ws = await freshWorkspace(db(), {
      managerChannelId: 'CDEALS',
      digestWeekdays: [1, 2, 3, 4, 5, 6, 7],
      updatedAt: day(-1),
    });
    const rep = await meetPerson(db(), ws, 'UREP', 'Europe/Berlin');
    const manager = await meetPerson(db(), ws, 'UMGR', 'UTC');
    await setTeam(db(), {
      workspaceId: ws,
      requester: { person: manager, isWorkspaceAdmin: true },
      slackUserIds: ['UREP'],
    });
    return { ws, rep, manager };
  }

  let logs = 0;
  const log = (ws: string, rep: Person, now: Date, form: Partial<LogCallForm>) =>
    logCall(db(), {
      workspaceId: ws,
      rep,
      form: callForm(form),
      prospectId: null,
      sourceKey: `view-${++logs}`,
      now,
    }).then((result) => {
      if (result.kind === 'invalid') throw new Error(JSON.stringify(result.errors));
      return result.confirmation;
    });

  /** "Contact: reasons" for each deal in the digest posted as of `now`. */
  async function digestAsOf(now: Date): Promise<string[]> {
    world.slack.reset();
    await runDigests(world.deps(db()), now);
    const [posted, ...more] = world.slack.messagesTo('CDEALS');
    expect(more).toHaveLength(0);
    return dealsListed(posted?.blocks);
  }

  describe('the stall clock respects the plan', () => {
    it('waits on an agreed call, stalls once it is missed, and only real contact resets the clock', async () => {
      const { ws, rep } = await team();
      await log(ws, rep, day(0), { nextCallAt: new Date(day(20).getTime() - 3 * 3600_000) });
      // Three quiet weeks are the plan, not a stall.
      expect(await digestAsOf(day(19))).toEqual([]);
      expect(await digestAsOf(day(21))).toEqual([
        'Dana: no real contact for 21 days; next step overdue by 1 day(s)',
      ]);
      // A voicemail (with a new call the rep set alone) does not restart the clock.
      await log(ws, rep, new Date(day(21).getTime() + 3600_000), {
        outcome: 'voicemail',
        agreed: false,
        nextCallAt: day(25),
      });
      expect(await digestAsOf(day(22))).toEqual(['Dana: no real contact for 22 days']);
      // A real conversation does.
      await log(ws, rep, new Date(day(22).getTime() + 3600_000), { nextCallAt: day(40) });
      expect(await digestAsOf(day(23))).toEqual([]);
    });
  });

  describe('pause with a reason', () => {
    it('keeps a paused deal out of the digest until its date, then brings it back with the reason', async () => {
      const { ws, rep } = await team();
      await log(ws, rep, day(0), { contactName: 'Paula', outcome: 'not_ready_yet', nextCallAt: day(3) });
      const paused = await pauseDeal(db(), {
        workspaceId: ws,
        rep,
        prospectName: 'Paula',
        untilDay: '2025-06-30',
        reason: 'budget freeze until Q2',
        now: day(1),
      });
      expect(paused.kind).toBe('paused');
      // Its call went by and nobody touched it for weeks: still out while paused.
      expect(await digestAsOf(day(27))).toEqual([]);
      expect(await digestAsOf(day(28))).toEqual([
        'Paula: next step overdue by 25 day(s); back from pause: budget freeze until Q2',
      ]);
    });
  });

  describe('snooze from the DM', () => {
    it('repeated snoozes are shown to the manager', async () => {
      const { ws, rep } = await team();
      const logged = await log(ws, rep, day(0), { contactName: 'Sam', nextCallAt: day(1) });
      const nextStepId = logged.nextStep?.id ?? 0;
      const snooze = (now: Date) =>
        snoozeNextStep(db(), { workspaceId: ws, actor: rep, nextStepId, now, by: { days: 1 } });
      expect((await snooze(day(1))).kind).toBe('changed');
      expect(await digestAsOf(day(1))).toEqual([]);
      expect((await snooze(day(2))).kind).toBe('changed');
      expect(await digestAsOf(day(2))).toEqual(['Sam: snoozed 2 times']);
      expect((await snooze(day(3))).kind).toBe('changed');
      expect(await digestAsOf(day(3))).toEqual(['Sam: snoozed 3 times']);
    });
  });

  describe('never silent', () => {
    it('records every run, logs a failed delivery with its reason, and tells the manager channel once', async () => {
      const { ws, manager } = await team();
      for (const slackUserId of ['UOK', 'UDEAD']) {
        const rep = { workspaceId: ws, slackUserId, timeZone: 'UTC', managerId: manager.id };
        await addRepWithCall(db(), rep, { contactName: slackUserId, dueAt: day(0) });
      }
      world.slack.failPostsTo('UDEAD', 'channel_not_found');
      world.warnings.length = 0;
      for (let minute = 0; minute < 5; minute++) {
        await runDueCallDms(world.deps(db()), new Date(day(0).getTime() + minute * 60_000));
      }
      const runs = await db()
        .select()
        .from(jobRuns)
        .where(and(eq(jobRuns.job, 'due_dms'), gte(jobRuns.asOf, day(0))))
        .orderBy(jobRuns.asOf);
      expect(runs.map(({ sent, skipped, failed }) => [sent, skipped, failed])).toEqual([
        [1, 0, 1],
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ]);
      expect(runs.every((run) => run.finishedAt !== null && run.error === null)).toBe(true);
      expect(world.warnings.join('\n')).toMatch(/due_dm to UDEAD failed for good: channel_not_found/);
      const alerts = world.slack.messagesTo('CDEALS');
      expect(alerts.map((alert) => alert.text)).toEqual([
        'Follow-Up Coach could not deliver the due-call DM to <@UDEAD>: channel_not_found. It will not retry this.',
      ]);

      // The next day the token is revoked: every DM fails alike, and the channel is told once for the workspace.
      world.slack.reset();
      world.slack.failNext('chat.postMessage', { error: 'token_revoked' }, 10);
      await runDueCallDms(world.deps(db()), day(1));
      await runDueCallDms(world.deps(db()), new Date(day(1).getTime() + 60_000));
      const revoked = await db()
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.workspaceId, ws), eq(deliveries.error, 'token_revoked')));
      expect(revoked.map((row) => [row.kind, row.status]).sort()).toEqual([
        ['due_dm', 'failed'],
        ['due_dm', 'failed'],
        ['failure_alert', 'failed'],
      ]);
      const attempts = world.slack.callsTo('chat.postMessage');
      expect(attempts.map((call) => call.args.channel).sort()).toEqual(['CDEALS', 'UDEAD', 'UOK']);
    });
  });
});
