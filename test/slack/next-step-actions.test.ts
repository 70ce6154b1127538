import { WebClient } from '@slack/web-api';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { nextSteps, people, prospects } from '../../src/db/schema.js';
import { runDueCallDms } from '../../src/jobs/due-call-dms.js';
import { createPacer } from '../../src/jobs/pacer.js';
import { createLogger } from '../../src/logger.js';
import { webClientOptions } from '../../src/slack/node-http-fetch.js';
import { singleWorkspaceClients } from '../../src/slack/workspace-clients.js';
import { virtualClock } from '../jobs/support.js';
import { TEST_ENGINES } from '../support/database.js';
import { blockActionsPayload, viewSubmissionPayload } from '../support/signed-requests.js';
import { eventually, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';
import { logSubmission, logValues } from './log-values.js';

/** Monday 2 June 2025, 10:00 in Berlin. */
const NOW = new Date('2025-06-02T08:00:00Z');
const WEDNESDAY_10 = new Date('2025-06-04T08:00:00Z');

for (const engine of TEST_ENGINES) {
  describe(`buttons on a next step: log outcome, reschedule, mark done, snooze [${engine}]`, () => {
    let sequence = 0;

    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        users: ['U0ANA', 'U0BEN', 'U0MGR'].map((id) => ({ id, tz: 'Europe/Berlin' })),
        rateLimits: { 'chat.postMessage': [] },
      },
    });

    /** Logs a call through the real modal submission and returns the new next step's id. */
    async function logCall(user: string, contact: string, nextCallAt = WEDNESDAY_10): Promise<number> {
      const response = await t.sendInteraction(
        logSubmission(
          user,
          logValues({
            prospect: contact,
            company: 'Initech',
            nextCallAt,
            valueReason: 'price_drop',
            plan: `The X200 price drops 15% on 1 July: show ${contact} the new quote for 40 seats`,
          }),
          { id: `V0LOG${++sequence}` },
        ),
      );
      expect(response.body).toBe('');
      const [step] = await t.db
        .select()
        .from(nextSteps)
        .innerJoin(prospects, eq(prospects.id, nextSteps.prospectId))
        .where(and(eq(prospects.contactName, contact), eq(nextSteps.status, 'scheduled')));
      if (!step) throw new Error('no next step stored');
      return step.next_steps.id;
    }

    const press = (user: string, action: Record<string, unknown>) =>
      t.sendInteraction(
        blockActionsPayload({
          user,
          team: TEST_TEAM,
          actions: [{ block_id: 'next_step', type: 'button', ...action } as never],
          message: { channel: `D${user.slice(1)}`, ts: '1748851200.000100' },
        }),
      );

    const lastReplyTo = async (user: string, count: number) =>
      eventually(() => {
        const replies = t.responses.filter((response) => response.path.endsWith(`/${user}`));
        expect(replies.length).toBeGreaterThanOrEqual(count);
        return String(replies.at(-1)?.body.text);
      });

    /** A press on one of the call's buttons in a message, as Slack sends it (the message and its container). */
    const pressIn = (
      user: string,
      message: { channel: string; ts?: string; text?: string; blocks?: unknown },
      nextStepId: number,
      actionId: string,
    ) =>
      t.sendInteraction(
        blockActionsPayload({
          user,
          team: TEST_TEAM,
          actions: [
            {
              block_id: `next_step_${nextStepId}`,
              type: 'button',
              action_id: actionId,
              value: String(nextStepId),
            } as never,
          ],
          message: {
            channel: message.channel,
            ts: message.ts ?? '',
            text: message.text ?? '',
            blocks: message.blocks as never,
          },
        }),
      );

    /** The modal the app opened whose views.open arguments contain `match`. */
    const openedView = (match: string) =>
      eventually(() => {
        const call = t.fake
          .callsTo('views.open')
          .find((candidate) => JSON.stringify(candidate.args).includes(match));
        expect(call?.ok).toBe(true);
        return call?.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
      });

    /** Ana saves the reschedule modal with a new time; `agreed` ticks or clears the box, unless the view had none. */
    const submitReschedule = (privateMetadata: string, at: Date, agreed?: boolean) =>
      t.sendInteraction(
        viewSubmissionPayload({
          user: 'U0ANA',
          team: TEST_TEAM,
          callback_id: 'reschedule_next_step',
          private_metadata: privateMetadata,
          values: {
            due_at: {
              due_at: { type: 'datetimepicker', selected_date_time: Math.floor(at.getTime() / 1000) },
            },
            ...(agreed === undefined
              ? {}
              : {
                  agreed: {
                    agreed: { type: 'checkboxes', selected_options: agreed ? [{ value: 'agreed' }] : [] },
                  },
                }),
          },
        }),
      );

    const stepRow = async (id: number) =>
      (await t.db.select().from(nextSteps).where(eq(nextSteps.id, id)))[0];

    it('marks a call done from the message it came in', async () => {
      const id = await logCall('U0ANA', 'Ada');
      expect((await press('U0ANA', { action_id: 'mark_done', value: String(id) })).status).toBe(200);
      expect(await lastReplyTo('U0ANA', 1)).toMatch(/Marked done: the call with Ada \(Initech\)/);
      const row = await stepRow(id);
      expect(row?.status).toBe('done');
      expect(row?.completedAt).toEqual(NOW);
    });

    it('rewrites the message after Mark done: the old buttons go, and it asks for the next step', async () => {
      const id = await logCall('U0ANA', 'Ari');
      const confirmation = await eventually(() => {
        const posted = t.fake
          .messagesTo('U0ANA')
          .find((message) => JSON.stringify(message.blocks).includes(`next_step_${id}`));
        expect(posted).toBeDefined();
        return posted;
      });
      const [prospect] = await t.db.select().from(prospects).where(eq(prospects.contactName, 'Ari'));
      await pressIn('U0ANA', confirmation ?? { channel: '' }, id, 'mark_done');
      const update = await eventually(() => {
        const [call] = t.fake.callsTo('chat.update');
        expect(call?.ok).toBe(true);
        return call;
      });
      const blocks = JSON.stringify(update?.args.blocks);
      expect(blocks).not.toContain('"action_id":"mark_done"');
      expect(blocks).not.toContain('"action_id":"snooze"');
      expect(blocks).toContain('Marked done: the call with Ari (Initech). *What is next?*');
      expect(blocks).toContain(`"action_id":"log_new_call","value":"${prospect?.id}"`);
      expect(JSON.stringify(t.fake.messagesTo('U0ANA').find((m) => m.ts === confirmation?.ts)?.blocks)).toBe(
        blocks,
      );
      expect((await stepRow(id))?.status).toBe('done');
    });

    it('refuses another rep’s follow-up and changes nothing', async () => {
      const id = await logCall('U0ANA', 'Alan');
      await press('U0BEN', { action_id: 'mark_done', value: String(id) });
      expect(await lastReplyTo('U0BEN', 1)).toMatch(/belongs to another rep/);
      await press('U0BEN', { action_id: 'reschedule', value: String(id) });
      expect(await lastReplyTo('U0BEN', 2)).toMatch(/belongs to another rep/);
      expect((await stepRow(id))?.status).toBe('scheduled');
      expect(t.fake.callsTo('views.open').filter((call) => call.ok)).toHaveLength(0);
    });

    it('refuses to log onto another rep’s prospect', async () => {
      await logCall('U0ANA', 'Agnes');
      const [agnes] = await t.db.select().from(prospects).where(eq(prospects.contactName, 'Agnes'));
      const response = await t.sendInteraction(
        logSubmission(
          'U0BEN',
          logValues({
            prospect: 'Agnes',
            prospectId: agnes?.id ?? 0,
            nextCallAt: WEDNESDAY_10,
            valueReason: 'price_drop',
            plan: 'The X200 price drops 15% on 1 July: show Agnes the new quote for 40 seats',
          }),
          { id: 'V0STEAL' },
        ),
      );
      const body = response.json as { errors: Record<string, string> };
      expect(body.errors.prospect).toMatch(/another rep/);
    });

    it('lets a manager act on their rep’s follow-up', async () => {
      const id = await logCall('U0ANA', 'Ava');
      const [manager] = await t.db
        .insert(people)
        .values({ workspaceId: TEST_TEAM, slackUserId: 'U0MGR', role: 'manager', timeZone: 'Europe/Berlin' })
        .returning();
      await t.db.update(people).set({ managerId: manager?.id }).where(eq(people.slackUserId, 'U0ANA'));
      await press('U0MGR', { action_id: 'mark_done', value: String(id) });
      expect(await lastReplyTo('U0MGR', 1)).toMatch(/Marked done/);
      expect((await stepRow(id))?.status).toBe('done');
    });

    it('snoozes a call by a day, then a week, keeping its time of day', async () => {
      const id = await logCall('U0ANA', 'Abe');
      const snooze = (choice: string) =>
        press('U0ANA', {
          action_id: 'snooze',
          type: 'overflow',
          selected_option: { text: { type: 'plain_text', text: choice }, value: `${id}:${choice}` },
        });
      const before = t.responses.length;
      await snooze('1d');
      await eventually(() => expect(t.responses.length).toBe(before + 1));
      expect(String(t.responses.at(-1)?.body.text)).toMatch(
        /Snoozed the call with Abe \(Initech\) to Thu 5 Jun, 10:00/,
      );
      await snooze('1w');
      await eventually(() => expect(t.responses.length).toBe(before + 2));
      const row = await stepRow(id);
      expect(row?.dueAt).toEqual(new Date('2025-06-12T08:00:00Z'));
      expect(row?.snoozeCount).toBe(2);
      // A snoozed time was never agreed with the prospect.
      expect(row?.agreed).toBe(false);
    });

    it('snoozes to a picked day through a small modal', async () => {
      const id = await logCall('U0ANA', 'Amy');
      await press('U0ANA', {
        action_id: 'snooze',
        type: 'overflow',
        selected_option: { text: { type: 'plain_text', text: 'pick' }, value: `${id}:pick` },
      });
      const view = await openedView('snooze_pick_date');
      const response = await t.sendInteraction(
        viewSubmissionPayload({
          user: 'U0ANA',
          team: TEST_TEAM,
          callback_id: 'snooze_pick_date',
          private_metadata: view.private_metadata,
          values: { date: { date: { type: 'datepicker', selected_date: '2025-06-20' } } },
        }),
      );
      expect(response.body).toBe('');
      expect((await stepRow(id))?.dueAt).toEqual(new Date('2025-06-20T08:00:00Z'));
    });

    it('reschedules through a modal and refuses a time in the past', async () => {
      const id = await logCall('U0ANA', 'Axel');
      await press('U0ANA', { action_id: 'reschedule', value: String(id) });
      const view = await openedView(`{\\"nextStepId\\":${id}`);
      expect(view.callback_id).toBe('reschedule_next_step');
      const submit = (at: Date) => submitReschedule(view.private_metadata, at, true);
      const past = (await submit(new Date(NOW.getTime() - 60_000))).json as {
        errors: Record<string, string>;
      };
      expect(past.errors.due_at).toMatch(/passed/);
      expect((await submit(new Date('2025-06-06T12:00:00Z'))).body).toBe('');
      const row = await stepRow(id);
      expect(row).toMatchObject({ dueAt: new Date('2025-06-06T12:00:00Z'), agreed: true });
    });

    /** The rep's morning DM of `day` (sent by the job at 8:30 Berlin), as the fake Slack keeps it. */
    async function morningDm(user: string, day: string, nextStepId: number) {
      const clock = virtualClock(new Date(`${day}T06:30:00Z`));
      await runDueCallDms(
        {
          db: t.db,
          clients: singleWorkspaceClients(new WebClient('xoxb-test-token', webClientOptions(t.fake.url))),
          logger: createLogger('warn', (line) => t.logs.push(line)),
          instanceId: 'test',
          pacer: createPacer({ limit: 50, windowMs: 1000, perChannelMs: 1000 }, clock),
          deadline: new AbortController().signal,
          clock,
        },
        new Date(`${day}T06:30:00Z`),
      );
      // The call's confirmation came first; the morning DM is the second message with its buttons.
      const withCall = t.fake
        .messagesTo(user)
        .filter((message) => JSON.stringify(message.blocks ?? []).includes(`"next_step_${nextStepId}"`));
      expect(withCall).toHaveLength(2);
      const dm = withCall[1];
      if (!dm?.ts) throw new Error('no morning DM with that call');
      return dm;
    }

    it("after Reschedule the morning DM shows the new time instead of the call's buttons", async () => {
      const id = await logCall('U0ANA', 'Rhea', new Date('2025-06-05T08:00:00Z'));
      const dm = await morningDm('U0ANA', '2025-06-05', id);
      await pressIn('U0ANA', dm, id, 'reschedule');
      const view = await openedView(`{\\"nextStepId\\":${id},`);
      expect(JSON.parse(view.private_metadata).message).toEqual({ channel: dm.channel, ts: dm.ts });
      const updatesBefore = t.fake.callsTo('chat.update').length;
      const response = await submitReschedule(view.private_metadata, new Date('2025-06-10T12:00:00Z'), false);
      expect(response.body).toBe('');
      await eventually(() => expect(t.fake.callsTo('chat.update').slice(updatesBefore)[0]?.ok).toBe(true));
      const settled = JSON.stringify(t.fake.messagesTo('U0ANA').find((m) => m.ts === dm.ts)?.blocks);
      expect(settled).toContain('Moved the call with Rhea (Initech) to Tue 10 Jun, 14:00');
      expect(settled).not.toContain(`"value":"${id}"`);
      expect((await stepRow(id))?.dueAt).toEqual(new Date('2025-06-10T12:00:00Z'));
    });

    it('keeps a reschedule when Slack refuses to update the morning DM, and says so in a DM line instead', async () => {
      const id = await logCall('U0ANA', 'Rolf', new Date('2025-06-09T08:00:00Z'));
      const dm = await morningDm('U0ANA', '2025-06-09', id);
      await pressIn('U0ANA', dm, id, 'reschedule');
      const view = await openedView(`{\\"nextStepId\\":${id},`);
      t.fake.failNext('chat.update', { error: 'cant_update_message' });
      const response = await submitReschedule(view.private_metadata, new Date('2025-06-11T12:00:00Z'), false);
      expect(response.body).toBe('');
      await eventually(() =>
        expect(t.fake.messagesTo('U0ANA').at(-1)?.text).toMatch(/Moved the call with Rolf \(Initech\)/),
      );
      expect(t.fake.callsTo('chat.update').at(-1)?.ok).toBe(false);
      expect((await stepRow(id))?.dueAt).toEqual(new Date('2025-06-11T12:00:00Z'));
    });

    it("after Log outcome the morning DM shows what was logged instead of the call's buttons", async () => {
      const id = await logCall('U0ANA', 'Lotte', new Date('2025-06-06T08:00:00Z'));
      const dm = await morningDm('U0ANA', '2025-06-06', id);
      await pressIn('U0ANA', dm, id, 'log_outcome');
      const view = await openedView('Lotte');
      expect(JSON.parse(view.private_metadata).settles).toEqual({
        channel: dm.channel,
        ts: dm.ts,
        nextStepId: id,
      });
      const updatesBefore = t.fake.callsTo('chat.update').length;
      const response = await t.sendInteraction(
        logSubmission(
          'U0ANA',
          logValues({
            prospect: 'Lotte',
            prospectId: Number(JSON.parse(view.private_metadata).prospect.value.split(':')[1]),
            nextCallAt: new Date('2025-06-12T08:00:00Z'),
            valueReason: 'price_drop',
            plan: 'Bring Lotte the signed quote for 40 seats and the rollout dates',
          }),
          { id: `V0LOG${++sequence}`, privateMetadata: view.private_metadata },
        ),
      );
      expect(response.body).toBe('');
      await eventually(() => expect(t.fake.callsTo('chat.update').slice(updatesBefore)[0]?.ok).toBe(true));
      const settled = JSON.stringify(t.fake.messagesTo('U0ANA').find((m) => m.ts === dm.ts)?.blocks);
      expect(settled).toMatch(/Logged: Lotte \(Initech\), .*Next call Thu 12 Jun, 10:00/);
      expect(settled).not.toContain(`"value":"${id}"`);
    });

    it('opens the log modal from "Log outcome" prefilled with the prospect and showing the planned call', async () => {
      const id = await logCall('U0ANA', 'Alma');
      await press('U0ANA', { action_id: 'log_outcome', value: String(id) });
      const view = await openedView('Alma');
      expect(view.callback_id).toBe('log_interaction');
      expect(JSON.parse(view.private_metadata).prospect.value).toMatch(/^prospect:\d+$/);
      expect(JSON.stringify(view.blocks[0])).toMatch(
        /You planned:.*Wed 4 Jun, 10:00.*The X200 price drops 15%/,
      );
    });

    it('refreshes the Home tab after a button pressed there, and opens a blank modal from "Log a call"', async () => {
      const id = await logCall('U0ANA', 'Ari');
      const fromHome = (action: Record<string, unknown>) =>
        t.sendInteraction(
          blockActionsPayload({
            user: 'U0ANA',
            team: TEST_TEAM,
            actions: [{ block_id: 'home', type: 'button', ...action } as never],
            view: { id: 'VHOMEU0ANA', type: 'home' },
          }),
        );
      const publishes = t.fake.callsTo('views.publish').length;
      await fromHome({ action_id: 'mark_done', value: String(id) });
      await eventually(() => expect(t.fake.callsTo('views.publish').length).toBe(publishes + 1));
      expect(t.fake.messagesTo('U0ANA').at(-1)?.text).toMatch(/Marked done: the call with Ari/);
      expect((await stepRow(id))?.status).toBe('done');

      const opened = t.fake.callsTo('views.open').length;
      await fromHome({ action_id: 'log_new_call', value: 'new' });
      const open = await eventually(() => {
        const calls = t.fake.callsTo('views.open');
        expect(calls.length).toBe(opened + 1);
        return calls.at(-1);
      });
      expect(open?.ok).toBe(true);
      const metadata = (open?.args.view as { private_metadata?: string } | undefined)?.private_metadata;
      expect(JSON.parse(metadata ?? '{}')).toMatchObject({ prospect: null, fromHome: true });
    });

    it('refreshes the Home tab after a call is logged or moved in a modal opened from it', async () => {
      // Wednesday 07:00 in Berlin: calls logged for 10:00 today show under "Due today".
      t.setNow(new Date('2025-06-04T05:00:00Z'));
      try {
        const id = await logCall('U0ANA', 'Hal');
        const pressOnHome = (action: Record<string, unknown>) =>
          t.sendInteraction(
            blockActionsPayload({
              user: 'U0ANA',
              team: TEST_TEAM,
              actions: [{ block_id: `next_step_${id}`, type: 'button', ...action } as never],
              view: { id: 'VHOMEU0ANA', type: 'home' },
            }),
          );
        const openedAfter = async (count: number) =>
          eventually(() => {
            const calls = t.fake.callsTo('views.open');
            expect(calls).toHaveLength(count + 1);
            expect(calls.at(-1)?.ok).toBe(true);
            return calls.at(-1)?.args.view as { private_metadata: string };
          });
        const lastHome = async (count: number) =>
          eventually(() => {
            const publishes = t.fake.callsTo('views.publish');
            expect(publishes).toHaveLength(count);
            return JSON.stringify(publishes.at(-1)?.args.view);
          });

        const publishes = t.fake.callsTo('views.publish').length;
        const beforeReschedule = t.fake.callsTo('views.open').length;
        await pressOnHome({ action_id: 'reschedule', value: String(id) });
        const reschedule = await openedAfter(beforeReschedule);
        const moved = await submitReschedule(reschedule.private_metadata, new Date('2025-06-04T14:00:00Z'));
        expect(moved.body).toBe('');
        expect(await lastHome(publishes + 1)).toContain('Wed 4 Jun, 16:00');

        const opened = t.fake.callsTo('views.open').length;
        await pressOnHome({ action_id: 'log_outcome', value: String(id) });
        const log = await openedAfter(opened);
        const logged = await t.sendInteraction(
          logSubmission('U0ANA', logValues({ prospect: 'Hal', company: 'Initech', outcome: 'lost' }), {
            id: 'V0HOMELOG',
            privateMetadata: log.private_metadata,
          }),
        );
        expect(logged.body).toBe('');
        const home = await lastHome(publishes + 2);
        expect(home).not.toContain(`next_step_${id}`);
        expect((await stepRow(id))?.status).toBe('superseded');
      } finally {
        t.setNow(NOW);
      }
    });

    it('sent Slack only messages and views that pass Block Kit’s limits', () => {
      expect(t.fake.calls.length).toBeGreaterThan(0);
      expect(t.blockKitRejections()).toEqual([]);
    });
  });
}
