import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { coachReviews, interactions, nextSteps, people, prospects } from '../../src/db/schema.js';
import { findBlockKitViolations } from '../support/block-kit-limits.js';
import { TEST_ENGINES } from '../support/database.js';
import { eventually, useSlackTestApp } from '../support/slack-test-app.js';
import { logSubmission, logValues, moreAboutThemMetadata } from './log-values.js';

/** Monday 2 June 2025, 10:00 in Berlin. */
const NOW = new Date('2025-06-02T08:00:00Z');
/** Wednesday 4 June, 10:00 in Berlin. */
const WEDNESDAY_10 = new Date('2025-06-04T08:00:00Z');
const GOOD_PLAN =
  'Their Dell R740 warranty ends 14 June: walk Dana through the renewal quote and the upgrade price';

for (const engine of TEST_ENGINES) {
  describe(`/followup log, the log modal and /followup due [${engine}]`, () => {
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        users: [
          { id: 'U0REP', tz: 'Europe/Berlin', real_name: 'Rita Rep' },
          { id: 'U0DUP', tz: 'Europe/Berlin' },
          { id: 'U0PAST', tz: 'America/New_York' },
        ],
        rateLimits: { 'chat.postMessage': [] },
      },
    });

    const submit = (user: string, viewId: string, values: ReturnType<typeof logValues>, metadata = '') =>
      t.sendInteraction(logSubmission(user, values, { id: viewId, privateMetadata: metadata }));

    it('refuses a forged signature and a stale timestamp', async () => {
      expect((await t.sendCommand('help', 'U0REP', {}, { wrongSecret: true })).status).toBe(401);
      expect((await t.sendCommand('help', 'U0REP', {}, { staleTimestamp: true })).status).toBe(401);
      expect((await t.sendCommand('help', 'U0REP', {}, { tamperBody: true })).status).toBe(401);
    });

    it('opens the log modal for "/followup log Acme" with Acme as the prospect, and remembers the rep’s zone', async () => {
      const response = await t.sendCommand('log Acme');
      expect(response.status).toBe(200);
      const [open] = await eventually(() => {
        const calls = t.fake.callsTo('views.open');
        expect(calls).toHaveLength(1);
        return calls;
      });
      expect(open?.ok).toBe(true);
      const view = open?.args.view as { callback_id: string; blocks: Array<Record<string, unknown>> };
      expect(view.callback_id).toBe('log_interaction');
      expect(findBlockKitViolations('modal', view)).toEqual([]);
      const prospectBlock = view.blocks.find((block) => block.block_id === 'prospect') as {
        element: { type: string; initial_option?: { value: string } };
      };
      expect(prospectBlock.element.type).toBe('external_select');
      expect(prospectBlock.element.initial_option?.value).toBe('new:Acme|');
      const inputs = view.blocks.filter((block) => block.type === 'input');
      expect(inputs.length).toBeLessThanOrEqual(6);
      expect(inputs.map((block) => block.block_id)).toEqual(
        expect.arrayContaining(['prospect', 'outcome', 'next_call_at', 'agreed', 'plan']),
      );
      const rep = await eventually(async () => {
        const [row] = await t.db.select().from(people).where(eq(people.slackUserId, 'U0REP'));
        expect(row).toBeDefined();
        return row;
      });
      expect(rep?.timeZone).toBe('Europe/Berlin');
    });

    it('refuses "just checking in" with the coach’s reason and a suggestion, and keeps what the rep typed', async () => {
      const response = await submit(
        'U0REP',
        'V0VAGUE',
        logValues({ prospect: 'Dana', company: 'Acme', nextCallAt: WEDNESDAY_10, plan: 'Just checking in' }),
      );
      expect(response.status).toBe(200);
      const body = response.json as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe('errors');
      expect(Object.keys(body.errors)).toEqual(['plan']);
      expect(body.errors.plan).toMatch(/Try: /);
      // Two sentences a rep reads between calls: the reason, and one thing to try.
      expect(body.errors.plan?.split(/(?<=[.!?])\s+(?=["“A-Z])/)).toHaveLength(2);
      expect(await t.db.select().from(interactions)).toHaveLength(0);
      const reviews = await t.db.select().from(coachReviews);
      expect(reviews.map((review) => review.verdict)).toEqual(['vague']);
    });

    it('saves a plan with a value reason, confirms it by DM with its due time, and lists it on its day', async () => {
      const response = await submit(
        'U0REP',
        'V0GOOD',
        logValues({
          prospect: 'Dana',
          company: 'Acme',
          nextCallAt: WEDNESDAY_10,
          agreed: true,
          valueReason: 'warranty_expiring',
          plan: GOOD_PLAN,
        }),
        moreAboutThemMetadata({ hotButton: 'Uptime', decisionMaker: 'Dana' }),
      );
      expect(response.status).toBe(200);
      expect(response.body).toBe('');
      const [confirmation] = await eventually(() => {
        const messages = t.fake.messagesTo('U0REP');
        expect(messages).toHaveLength(1);
        return messages;
      });
      expect(confirmation?.text).toContain('Wed 4 Jun, 10:00 CEST');
      expect(findBlockKitViolations('message', { blocks: confirmation?.blocks })).toEqual([]);
      const actionIds = JSON.stringify(confirmation?.blocks);
      for (const id of ['log_outcome', 'reschedule', 'mark_done', 'snooze']) expect(actionIds).toContain(id);

      const [prospect] = await t.db.select().from(prospects);
      expect(prospect).toMatchObject({
        contactName: 'Dana',
        company: 'Acme',
        hotButton: 'Uptime',
        decisionMaker: 'Dana',
      });
      const [step] = await t.db.select().from(nextSteps);
      expect(step).toMatchObject({
        dueAt: WEDNESDAY_10,
        agreed: true,
        valueReason: 'warranty_expiring',
        plan: GOOD_PLAN,
        coachVerdict: 'value',
        status: 'scheduled',
      });

      await t.sendCommand('due');
      const early = await eventually(() => {
        const last = t.responses.at(-1);
        expect(last).toBeDefined();
        return last;
      });
      expect(JSON.stringify(early?.body)).not.toContain('Dana (Acme)');

      t.setNow(new Date('2025-06-04T05:00:00Z'));
      try {
        const before = t.responses.length;
        await t.sendCommand('due');
        const onTheDay = await eventually(() => {
          expect(t.responses.length).toBe(before + 1);
          return t.responses.at(-1);
        });
        expect(onTheDay?.body.response_type).toBe('ephemeral');
        expect(JSON.stringify(onTheDay?.body)).toContain('Dana (Acme)');
        expect(onTheDay?.violations).toEqual([]);
      } finally {
        t.setNow(NOW);
      }
    });

    it('prefills the modal with a known prospect found by company, ignoring case', async () => {
      const opened = t.fake.callsTo('views.open').length;
      await t.sendCommand('log acme');
      const open = await eventually(() => {
        const calls = t.fake.callsTo('views.open');
        expect(calls.length).toBe(opened + 1);
        return calls.at(-1);
      });
      const view = open?.args.view as { blocks: Array<Record<string, unknown>> };
      const [dana] = await t.db.select().from(prospects).where(eq(prospects.contactName, 'Dana'));
      const who = view.blocks.find((block) => block.block_id === 'prospect') as {
        element: { initial_option?: { text: { text: string }; value: string } };
      };
      expect(who.element.initial_option).toMatchObject({
        text: { text: 'Dana · Acme' },
        value: `prospect:${dana?.id}`,
      });
    });

    it('does not store a second submission of the same modal twice', async () => {
      const values = logValues({
        prospect: 'Omar',
        company: 'Globex',
        nextCallAt: WEDNESDAY_10,
        valueReason: 'new_regulation',
        plan: 'The new EU data rules start 1 July: show Omar the two reports his team must file',
      });
      expect((await submit('U0DUP', 'V0TWICE', values)).body).toBe('');
      expect((await submit('U0DUP', 'V0TWICE', values)).body).toBe('');
      const messages = await eventually(() => {
        const list = t.fake.messagesTo('U0DUP');
        expect(list).toHaveLength(2);
        return list;
      });
      expect(messages[1]?.text).toMatch(/Already saved/);
      const rows = await t.db
        .select()
        .from(interactions)
        .where(eq(interactions.sourceKey, 'slack-view:V0TWICE'));
      expect(rows).toHaveLength(1);
    });

    it('puts an error on the next call when the time has passed, and stores nothing', async () => {
      const response = await submit(
        'U0PAST',
        'V0PAST',
        logValues({ prospect: 'Lee', nextCallAt: new Date(NOW.getTime() - 3_600_000), plan: GOOD_PLAN }),
      );
      const body = response.json as { response_action: string; errors: Record<string, string> };
      expect(body.errors.next_call_at).toMatch(/passed/);
      expect(body.errors.plan).toBeUndefined();
    });

    it('asks for the prospect and the outcome when they are missing', async () => {
      const values = logValues({ prospect: '  ', nextCallAt: WEDNESDAY_10, plan: GOOD_PLAN });
      values.outcome = { outcome: { type: 'static_select', selected_option: null } };
      const body = (await submit('U0PAST', 'V0EMPTY', values)).json as { errors: Record<string, string> };
      expect(body.errors.prospect).toMatch(/name/);
      expect(body.errors.outcome).toMatch(/how the call went/);
    });

    it('explains usage for help, for nothing at all and for an unknown subcommand', async () => {
      const before = t.responses.length;
      await t.sendCommand('help');
      await t.sendCommand('');
      await t.sendCommand('frobnicate now');
      const answers = await eventually(() => {
        const list = t.responses.slice(before);
        expect(list).toHaveLength(3);
        return list;
      });
      for (const answer of answers) {
        expect(JSON.stringify(answer.body)).toContain('/followup log');
        expect(answer.violations).toEqual([]);
      }
      expect(answers.some((answer) => JSON.stringify(answer.body).includes('frobnicate'))).toBe(true);
    });

    it('sent Slack only messages and views that pass Block Kit’s limits', () => {
      expect(t.fake.calls.length).toBeGreaterThan(0);
      expect(t.blockKitRejections()).toEqual([]);
    });
  });
}
