import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { people, prospects, workspaceSettings } from '../../src/db/schema.js';
import { SETTINGS_BLOCKS } from '../../src/slack/ids.js';
import { NO_TEAM_YET } from '../../src/slack/listeners/commands/due.js';
import { TEST_ENGINES } from '../support/database.js';
import { viewSubmissionPayload } from '../support/signed-requests.js';
import { eventually, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';
import { addDeal } from './support.js';

/** Tuesday 10 June 2025, 11:00 in Berlin. */
const NOW = new Date('2025-06-10T09:00:00Z');

const settingsValues = {
  [SETTINGS_BLOCKS.managerChannel]: {
    value: { type: 'conversations_select', selected_conversation: 'CSALES' },
  },
  [SETTINGS_BLOCKS.digestTime]: { value: { type: 'timepicker', selected_time: '08:15' } },
  [SETTINGS_BLOCKS.weekdays]: {
    value: { type: 'checkboxes', selected_options: [{ value: '5' }, { value: '1' }] },
  },
  [SETTINGS_BLOCKS.staleAfterDays]: { value: { type: 'number_input', value: '10' } },
  [SETTINGS_BLOCKS.goneDark]: { value: { type: 'number_input', value: '2' } },
  [SETTINGS_BLOCKS.minValuePercent]: { value: { type: 'number_input', value: '60' } },
  [SETTINGS_BLOCKS.reminderLead]: { value: { type: 'number_input', value: '20' } },
};

for (const engine of TEST_ENGINES) {
  describe(`/followup settings, team, pause and digest through the app [${engine}]`, () => {
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        users: [
          { id: 'U0BOSS', tz: 'Europe/Berlin', real_name: 'Bea Boss', is_admin: true },
          { id: 'U0REP', tz: 'America/Chicago', real_name: 'Rita Rep' },
        ],
      },
    });

    it('lets a manager set up the digest, name a team, and post the digest now; a rep pauses a deal', async () => {
      await t.sendCommand('settings', 'U0BOSS');
      const [opened] = await eventually(() => {
        const calls = t.fake.callsTo('views.open').filter((call) => call.ok);
        expect(calls).toHaveLength(1);
        return calls;
      });
      expect(opened?.args.view).toMatchObject({ callback_id: 'workspace_settings' });

      const refused = await t.sendInteraction(
        viewSubmissionPayload({
          user: 'U0BOSS',
          team: TEST_TEAM,
          callback_id: 'workspace_settings',
          values: {
            ...settingsValues,
            [SETTINGS_BLOCKS.goneDark]: { value: { type: 'number_input', value: '0' } },
          },
        }),
      );
      expect(JSON.parse(refused.body)).toEqual({
        response_action: 'errors',
        errors: { [SETTINGS_BLOCKS.goneDark]: 'Check this value.' },
      });
      const saved = await t.sendInteraction(
        viewSubmissionPayload({
          user: 'U0BOSS',
          team: TEST_TEAM,
          callback_id: 'workspace_settings',
          values: settingsValues,
        }),
      );
      expect(saved.status).toBe(200);
      await eventually(async () => {
        const [row] = await t.db
          .select()
          .from(workspaceSettings)
          .where(eq(workspaceSettings.workspaceId, TEST_TEAM));
        expect(row).toMatchObject({
          managerChannelId: 'CSALES',
          digestHour: 8,
          digestMinute: 15,
          digestWeekdays: [1, 5],
          staleAfterDays: 10,
          goneDarkAfterUnanswered: 2,
          minValueTouchPercent: 60,
          reminderLeadMinutes: 20,
        });
      });

      // The rep has used the app (so is known), then the manager names the team with Slack's escaped mention.
      await t.reply('due', 'U0REP');
      expect(await t.reply('due team', 'U0BOSS')).toBe(NO_TEAM_YET);
      expect(await t.reply('team <@U0REP|rita>', 'U0BOSS')).toBe('Your team now includes <@U0REP>.');
      const [boss] = await t.db.select().from(people).where(eq(people.slackUserId, 'U0BOSS'));
      const [rep] = await t.db.select().from(people).where(eq(people.slackUserId, 'U0REP'));
      expect(boss?.role).toBe('manager');
      expect(rep?.managerId).toBe(boss?.id);
      if (!rep) throw new Error('rep missing');

      const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
      await addDeal(t.db, {
        workspaceId: TEST_TEAM,
        ownerId: rep.id,
        contactName: 'Dana',
        stakeholders: ['Sue'],
        createdAt: daysAgo(40),
        touches: [{ at: daysAgo(12), outcome: 'connected' }],
      });
      await addDeal(t.db, {
        workspaceId: TEST_TEAM,
        ownerId: rep.id,
        contactName: 'Omar',
        stakeholders: ['Sue'],
        createdAt: daysAgo(40),
        touches: [{ at: daysAgo(11), outcome: 'connected' }],
      });

      // The manager's team list names the rep on each call due.
      await addDeal(t.db, {
        workspaceId: TEST_TEAM,
        ownerId: rep.id,
        contactName: 'Lee',
        step: { dueAt: new Date(NOW.getTime() + 2 * 3_600_000) },
      });
      expect(await t.reply('due team', 'U0BOSS')).toBe('Your team: 1 call(s) due today, 0 overdue.');
      const teamList = t.responses.at(-1)?.body.blocks as Array<{ text?: { text?: string } }>;
      expect(teamList.map((block) => block.text?.text ?? '').join('\n')).toMatch(/<@U0REP>: .*Lee/);
      expect(await t.reply('due', 'U0BOSS')).toMatch(/^No calls due today/);

      expect(await t.reply('pause Omar until 2025-07-01 buyer on leave', 'U0REP')).toBe(
        'Paused Omar until Tue 1 Jul 2025: buyer on leave. It comes back on its own.',
      );
      const [omar] = await t.db.select().from(prospects).where(eq(prospects.contactName, 'Omar'));
      expect(omar?.pausedUntil).toEqual(new Date('2025-07-01T05:00:00Z'));

      expect(await t.reply('digest', 'U0REP')).toContain('The digest is for managers');
      expect(await t.reply('digest', 'U0BOSS')).toBe('Posted the digest in <#CSALES>.');
      const [digest, ...more] = t.fake.messagesTo('CSALES');
      expect(more).toHaveLength(0);
      const body = JSON.stringify(digest?.blocks);
      // The workspace's own threshold (10 days) flags Dana; Omar is paused, listed with reason and return date.
      expect(body).toContain('Dana (Acme)*: no real contact for 12 days');
      expect(body).toContain('Omar (Acme)*: paused until Tue 1 Jul 2025: buyer on leave');
      expect(t.blockKitRejections()).toEqual([]);
    });
  });
}
