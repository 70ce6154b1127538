import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { prospects, stakeholders } from '../../src/db/schema.js';
import { TEST_ENGINES } from '../support/database.js';
import {
  blockActionsPayload,
  blockSuggestionPayload,
  type ViewStateValues,
  viewClosedPayload,
  viewSubmissionPayload,
} from '../support/signed-requests.js';
import { eventually, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';
import { logSubmission, logValues } from './log-values.js';

/** Monday 2 June 2025, 10:00 in Berlin. */
const NOW = new Date('2025-06-02T08:00:00Z');
/** Two business days later, at the hour the rep booked their last calls. */
const WEDNESDAY_10 = new Date('2025-06-04T08:00:00Z');
const GOOD_PLAN =
  'Their Dell R740 warranty ends 14 June: walk Dana through the renewal quote and the upgrade price';

type View = { callback_id: string; private_metadata: string; blocks: Array<Record<string, unknown>> };

for (const engine of TEST_ENGINES) {
  describe(`the log modal's typeahead and its "More about them" step [${engine}]`, () => {
    let sequence = 0;

    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        users: ['U0REP', 'U0OTHER'].map((id) => ({ id, tz: 'Europe/Berlin' })),
        rateLimits: { 'chat.postMessage': [] },
      },
    });
    beforeAll(async () => {
      // Two prospects of this rep, one of another rep's.
      for (const [user, name, company] of [
        ['U0REP', 'Dana Scully', 'Acme Logistics'],
        ['U0REP', 'Omar Haddad', 'Globex'],
        ['U0OTHER', 'Dana Ruiz', 'Initech'],
      ] as const) {
        const response = await submitLog(
          user,
          logValues({ prospect: name, company, nextCallAt: WEDNESDAY_10, plan: GOOD_PLAN }),
        );
        expect(response.body).toBe('');
      }
    });

    function submitLog(
      user: string,
      values: ViewStateValues,
      privateMetadata = '',
      viewId = `V0LOG${++sequence}`,
    ) {
      return t.sendInteraction(logSubmission(user, values, { id: viewId, privateMetadata }));
    }

    async function typeahead(value: string, user = 'U0REP') {
      const response = await t.sendInteraction(
        blockSuggestionPayload({ user, team: TEST_TEAM, action_id: 'prospect', block_id: 'prospect', value }),
      );
      expect(response.status).toBe(200);
      return (response.json as { options: Array<{ text: { text: string }; value: string }> }).options;
    }

    /** `/followup log <text>` and the root view the fake Slack stored for it. */
    async function openLog(text: string) {
      const opened = t.fake.callsTo('views.open').length;
      await t.sendCommand(`log ${text}`);
      await eventually(() =>
        expect(t.fake.callsTo('views.open').filter((call) => call.ok)).toHaveLength(opened + 1),
      );
      const stored = t.fake.views().at(-1);
      if (!stored) throw new Error('no view opened');
      return { id: stored.id, view: stored.view as View };
    }

    async function dana() {
      const [row] = await t.db.select().from(prospects).where(eq(prospects.contactName, 'Dana Scully'));
      if (!row) throw new Error('Dana is missing');
      return row;
    }

    it('finds the rep’s own prospects by first name, part of a name or company, and offers a new one last', async () => {
      const { id } = await dana();
      expect((await typeahead('dana')).map((option) => option.text.text)).toEqual([
        'Dana Scully · Acme Logistics',
        'New prospect: dana',
      ]);
      expect((await typeahead('sc')).map((option) => option.value)).toEqual([`prospect:${id}`, 'new:sc|']);
      expect((await typeahead('acme'))[0]?.text.text).toBe('Dana Scully · Acme Logistics');
      expect((await typeahead('Lee, Hooli')).map((option) => option.text.text)).toEqual([
        'New prospect: Lee (Hooli)',
      ]);
      // A typed wildcard is a character, not "anything".
      expect(await typeahead('%')).toHaveLength(1);
    });

    it('opens "/followup log dana" on the Dana the rep has, so logging it adds no second Dana', async () => {
      const { view } = await openLog('dana');
      const who = view.blocks.find((block) => block.block_id === 'prospect') as {
        element: { initial_option: { value: string } };
      };
      const { id } = await dana();
      expect(who.element.initial_option.value).toBe(`prospect:${id}`);
      const nextCall = view.blocks.find((block) => block.block_id === 'next_call_at') as {
        element: { initial_date_time: number };
      };
      expect(nextCall.element.initial_date_time).toBe(WEDNESDAY_10.getTime() / 1000);

      const response = await submitLog(
        'U0REP',
        logValues({ prospect: '', prospectId: id, nextCallAt: WEDNESDAY_10, plan: GOOD_PLAN }),
        view.private_metadata,
      );
      expect(response.body).toBe('');
      const danas = await t.db
        .select()
        .from(prospects)
        .where(eq(prospects.ownerId, (await dana()).ownerId));
      expect(danas.filter((row) => row.contactName.startsWith('Dana'))).toHaveLength(1);
    });

    it('keeps "More about them" answers, from Keep and from Back, and saves them with the call', async () => {
      const root = await openLog('dana');
      const { id: danaId } = await dana();
      const typed = logValues({
        prospect: '',
        prospectId: danaId,
        nextCallAt: WEDNESDAY_10,
        plan: GOOD_PLAN,
      });
      const pushes = t.fake.callsTo('views.push').length;
      const pressed = await t.sendInteraction(
        blockActionsPayload({
          user: 'U0REP',
          team: TEST_TEAM,
          view: {
            id: root.id,
            type: 'modal',
            callback_id: 'log_interaction',
            private_metadata: root.view.private_metadata,
          },
          state: typed,
          actions: [{ action_id: 'open_more_about_them', block_id: 'kX3p9', type: 'button' }],
        }),
      );
      expect(pressed.status).toBe(200);
      const push = await eventually(() => {
        const call = t.fake.callsTo('views.push')[pushes];
        expect(call?.ok).toBe(true);
        return call;
      });
      const step = push?.args.view as View;
      expect(step.callback_id).toBe('log_more_about_them');
      const stepView = t.fake.views().at(-1);
      expect(stepView).toMatchObject({ rootViewId: root.id, previousViewId: root.id });
      const asked = step.blocks.filter((block) => block.type === 'input').map((block) => block.block_id);
      expect(asked).toEqual(
        expect.arrayContaining(['hot_button', 'decision_maker', 'purchasing_process', 'budget']),
      );
      expect(asked).not.toContain('company');

      const text = (value: string) => ({ type: 'plain_text_input', value });
      const answers: ViewStateValues = {
        hot_button: { hot_button: text('No unplanned downtime at the Leipzig depot') },
        decision_maker: { decision_maker: text('Dana, with the CFO') },
        purchasing_process: { purchasing_process: { type: 'plain_text_input', value: null } },
        budget: { budget: text('40k in Q3') },
        summary: { summary: text('Dana wants the quote before the board meets on the 12th') },
        material_sent: { material_sent: text('Renewal quote') },
        stakeholders: { stakeholders: text('Ines Roth, Paul Vogt') },
      };
      const stack = { view_id: stepView?.id ?? '', root_view_id: root.id, previous_view_id: root.id };
      const kept = await t.sendInteraction(
        viewSubmissionPayload({
          user: 'U0REP',
          team: TEST_TEAM,
          callback_id: 'log_more_about_them',
          private_metadata: step.private_metadata,
          values: answers,
          ...stack,
        }),
      );
      // An empty answer closes the step and shows the first view again.
      expect(kept.body).toBe('');
      const update = await eventually(() => {
        const call = t.fake.callsTo('views.update').at(-1);
        expect(call?.ok).toBe(true);
        return call;
      });
      expect(update?.args.view_id).toBe(root.id);
      const updated = update?.args.view as View;
      // Same inputs, same ids: what the rep typed in the first view stays (views.update, "Preserving input entry").
      const inputIds = (view: View) =>
        view.blocks
          .filter((block) => block.type === 'input')
          .map(
            (block) =>
              `${String(block.block_id)}/${String((block.element as { action_id: string }).action_id)}`,
          );
      expect(inputIds(updated)).toEqual(inputIds(root.view));
      expect(JSON.stringify(updated.blocks)).toContain('budget: 40k in Q3');

      // Back from the step a second time, after changing the budget: kept as well.
      const updates = t.fake.callsTo('views.update').length;
      const back = await t.sendInteraction(
        viewClosedPayload({
          user: 'U0REP',
          team: TEST_TEAM,
          callback_id: 'log_more_about_them',
          private_metadata: JSON.stringify({
            rootViewId: root.id,
            root: JSON.parse(updated.private_metadata),
          }),
          values: { budget: { budget: text('45k in Q3') } },
          ...stack,
        }),
      );
      expect(back.status).toBe(200);
      const afterBack = await eventually(() => {
        const call = t.fake.callsTo('views.update')[updates];
        expect(call?.ok).toBe(true);
        return call?.args.view as View;
      });
      expect(JSON.parse(afterBack.private_metadata).more).toMatchObject({
        budget: '45k in Q3',
        hotButton: 'No unplanned downtime at the Leipzig depot',
      });

      // The coach refuses a vague plan: only an error under it, so Slack leaves the view and its answers be.
      const refused = await submitLog(
        'U0REP',
        { ...typed, plan: { plan: text('Just checking in') } },
        afterBack.private_metadata,
        'V0STEPS',
      );
      expect(refused.json).toMatchObject({ response_action: 'errors', errors: { plan: expect.any(String) } });

      const saved = await submitLog('U0REP', typed, afterBack.private_metadata, 'V0STEPS');
      expect(saved.body).toBe('');
      expect(await dana()).toMatchObject({
        hotButton: 'No unplanned downtime at the Leipzig depot',
        decisionMaker: 'Dana, with the CFO',
        budget: '45k in Q3',
      });
      const names = await t.db.select().from(stakeholders).where(eq(stakeholders.prospectId, danaId));
      expect(names.map((row) => row.name).sort()).toEqual(['Ines Roth', 'Paul Vogt']);
    });

    it('refuses a prospect picked from another rep, and one the app never offered', async () => {
      const [other] = await t.db.select().from(prospects).where(eq(prospects.contactName, 'Dana Ruiz'));
      const stolen = await submitLog(
        'U0REP',
        logValues({ prospect: '', prospectId: other?.id ?? 0, nextCallAt: WEDNESDAY_10, plan: GOOD_PLAN }),
      );
      expect((stolen.json as { errors: Record<string, string> }).errors.prospect).toMatch(/another rep/);
      const forged = logValues({ prospect: 'x', nextCallAt: WEDNESDAY_10, plan: GOOD_PLAN });
      forged.prospect = { prospect: { type: 'external_select', selected_option: { value: 'prospect:abc' } } };
      const refused = await submitLog('U0REP', forged);
      expect((refused.json as { errors: Record<string, string> }).errors.prospect).toMatch(/New prospect/);
    });

    it('sent Slack only views that pass Block Kit’s limits', () => {
      expect(t.blockKitRejections()).toEqual([]);
    });
  });
}
