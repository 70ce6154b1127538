import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { people, workspaceSettings } from '../../src/db/schema.js';
import { CALLBACK_IDS, SETTINGS_BLOCKS } from '../../src/slack/ids.js';
import { MANAGERS_ONLY } from '../../src/slack/listeners/rep.js';
import { TEST_ENGINES } from '../support/database.js';
import { viewSubmissionPayload } from '../support/signed-requests.js';
import { TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';
import { settingsValues } from './settings-values.js';

const NOW = new Date('2025-06-10T09:00:00Z');

/**
 * A manager sees their team's figures and chooses where the digest goes. Workspace admins and owners are
 * users.info's `is_admin` / `is_owner` (https://api.slack.com/types/user); they, and managers they named, name
 * further managers.
 */
for (const engine of TEST_ENGINES) {
  describe(`who may act as a manager [${engine}]`, () => {
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        users: [
          { id: 'U0ADMIN', tz: 'UTC', real_name: 'Ada Admin', is_admin: true },
          { id: 'U0OWNER', tz: 'UTC', real_name: 'Otto Owner', is_owner: true },
          { id: 'U0MGR', tz: 'UTC', real_name: 'Mo Manager' },
          { id: 'U0REP1', tz: 'UTC', real_name: 'Rita Rep' },
          { id: 'U0REP2', tz: 'UTC', real_name: 'Ben Rep' },
          { id: 'U0SNEAK', tz: 'UTC', real_name: 'Sam Sneak' },
        ],
      },
    });
    beforeAll(async () => {
      for (const user of ['U0MGR', 'U0REP1', 'U0REP2', 'U0SNEAK']) await t.reply('due', user);
    });

    const person = async (slackUserId: string) => {
      const [row] = await t.db.select().from(people).where(eq(people.slackUserId, slackUserId));
      return row;
    };
    const submitSettings = (user: string, channel = 'CSALES') =>
      t.sendInteraction(
        viewSubmissionPayload({
          user,
          team: TEST_TEAM,
          callback_id: CALLBACK_IDS.settings,
          values: settingsValues(channel),
        }),
      );

    it('tells a rep who opens /followup settings that it is for managers, and opens no modal', async () => {
      expect(await t.reply('settings', 'U0SNEAK')).toBe(MANAGERS_ONLY);
      expect(t.fake.callsTo('views.open')).toEqual([]);
    });

    it('refuses a rep’s settings submission under the channel field and saves nothing', async () => {
      const response = await submitSettings('U0SNEAK');
      expect(response.json).toEqual({
        response_action: 'errors',
        errors: { [SETTINGS_BLOCKS.managerChannel]: MANAGERS_ONLY },
      });
      expect(await t.db.select().from(workspaceSettings)).toEqual([]);
      expect((await person('U0SNEAK'))?.role).toBe('rep');
    });

    it('does not let a rep make themselves a manager with /followup team or /followup manager', async () => {
      expect(await t.reply('team <@U0REP1|rita>', 'U0SNEAK')).toBe(MANAGERS_ONLY);
      expect(await t.reply('manager <@U0SNEAK|sam>', 'U0SNEAK')).toBe(MANAGERS_ONLY);
      expect((await person('U0SNEAK'))?.role).toBe('rep');
      expect((await person('U0REP1'))?.managerId).toBeNull();
    });

    it('lets a workspace owner set up the digest, becoming a manager', async () => {
      const response = await submitSettings('U0OWNER');
      expect(response.status).toBe(200);
      expect(response.body).toBe('');
      const [saved] = await t.db.select().from(workspaceSettings);
      expect(saved?.managerChannelId).toBe('CSALES');
      expect((await person('U0OWNER'))?.role).toBe('manager');
    });

    it('lets a workspace admin name a manager, who then names a team and names another manager', async () => {
      expect(await t.reply('manager <@U0MGR>', 'U0ADMIN')).toBe('<@U0MGR> can now manage a team.');
      expect(await t.reply('team <@U0REP1|rita>', 'U0MGR')).toBe('Your team now includes <@U0REP1>.');
      const manager = await person('U0MGR');
      expect(manager?.role).toBe('manager');
      expect((await person('U0REP1'))?.managerId).toBe(manager?.id);
      expect(await t.reply('manager <@U0REP2|ben>', 'U0MGR')).toBe('<@U0REP2> can now manage a team.');
      expect((await person('U0REP2'))?.role).toBe('manager');
    });

    it('keeps each manager to their own team: another manager’s rep stays where they are', async () => {
      expect(await t.reply('team <@U0REP1|rita>', 'U0ADMIN')).toBe(
        "<@U0REP1> are on another manager's team and stay there.",
      );
      expect((await person('U0REP1'))?.managerId).toBe((await person('U0MGR'))?.id);
      expect(await t.reply('due team', 'U0ADMIN')).toMatch(/You manage nobody yet/);
    });
  });
}
