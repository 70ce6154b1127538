import { WebClient } from '@slack/web-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { people, workspaceSettings } from '../../src/db/schema.js';
import type { JobDependencies } from '../../src/jobs/deliver.js';
import { runDigests } from '../../src/jobs/digests.js';
import { createPacer } from '../../src/jobs/pacer.js';
import { createLogger } from '../../src/logger.js';
import { CALLBACK_IDS, SETTINGS_BLOCKS } from '../../src/slack/ids.js';
import {
  CHANNEL_ARCHIVED,
  INVITE_THE_BOT,
  SETTINGS_NOT_SAVED,
} from '../../src/slack/listeners/views/settings.js';
import { webClientOptions } from '../../src/slack/node-http-fetch.js';
import { singleWorkspaceClients } from '../../src/slack/workspace-clients.js';
import { virtualClock } from '../jobs/support.js';
import { TEST_ENGINES } from '../support/database.js';
import { viewSubmissionPayload } from '../support/signed-requests.js';
import { TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';
import { settingsValues } from './settings-values.js';

/** Monday 9 June 2025, 08:00 UTC; the digest is set for 08:15 on Mondays. */
const NOW = new Date('2025-06-09T08:00:00Z');

/**
 * The settings modal offers private channels, but the bot posts only where it can: chat:write.public covers
 * public channels it has not joined; a private one it must be invited to, and until then conversations.info
 * and chat.postMessage answer `channel_not_found` (https://api.slack.com/methods/conversations.info,
 * https://api.slack.com/methods/chat.postMessage); an archived one answers `is_archived`.
 */
for (const engine of TEST_ENGINES) {
  describe(`the digest channel a manager chooses [${engine}]`, () => {
    // Slack's one-message-a-second limit per channel is kept by the fake on the clock the jobs' pacer sleeps on.
    const clock = virtualClock(NOW);
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        clock: clock.now,
        users: [{ id: 'U0BOSS', tz: 'UTC', real_name: 'Bea Boss', is_admin: true }],
        channels: [
          { id: 'CPUBLIC', name: 'sales' },
          { id: 'GSECRET', name: 'leadership', is_private: true, is_member: false },
          { id: 'GINVITED', name: 'sales-leads', is_private: true, is_member: true },
          { id: 'COLD', name: 'old-sales', is_archived: true },
        ],
      },
    });

    const submit = (channel: string) =>
      t.sendInteraction(
        viewSubmissionPayload({
          user: 'U0BOSS',
          team: TEST_TEAM,
          callback_id: CALLBACK_IDS.settings,
          values: settingsValues(channel),
        }),
      );
    const savedChannel = async () => (await t.db.select().from(workspaceSettings))[0]?.managerChannelId;
    const fieldError = (text: string) => ({
      response_action: 'errors',
      errors: { [SETTINGS_BLOCKS.managerChannel]: text },
    });

    it('asks the manager, in the modal, to invite the bot to a private channel it is not in', async () => {
      expect((await submit('GSECRET')).json).toEqual(fieldError(INVITE_THE_BOT));
      expect(await savedChannel()).toBeUndefined();
    });

    it('refuses an archived channel in the modal', async () => {
      expect((await submit('COLD')).json).toEqual(fieldError(CHANNEL_ARCHIVED));
      expect(await savedChannel()).toBeUndefined();
    });

    it('saves a public channel the bot has not joined, and a private one it was invited to', async () => {
      expect((await submit('CPUBLIC')).body).toBe('');
      expect(await savedChannel()).toBe('CPUBLIC');
      expect((await submit('GINVITED')).body).toBe('');
      expect(await savedChannel()).toBe('GINVITED');
    });

    it('tells the manager by DM when the digest can no longer be posted there', async () => {
      // Someone removed the bot from the private channel after the settings were saved.
      t.fake.addChannel({ id: 'GINVITED', name: 'sales-leads', is_private: true, is_member: false });
      clock.set(new Date('2025-06-09T08:15:00Z'));
      const deps: JobDependencies = {
        db: t.db,
        clients: singleWorkspaceClients(new WebClient('xoxb-test', webClientOptions(t.fake.url))),
        logger: createLogger('error', () => {}),
        instanceId: 'test',
        pacer: createPacer({ limit: 50, windowMs: 1000, perChannelMs: 1000 }, clock),
        deadline: new AbortController().signal,
        clock,
      };
      await t.db.update(workspaceSettings).set({ updatedAt: NOW });
      expect(await t.db.select().from(people)).toHaveLength(1);
      const tally = await runDigests(deps, new Date('2025-06-09T08:15:00Z'));
      expect(tally.failed).toBe(1);
      const [alert] = t.fake
        .messagesTo('U0BOSS')
        .filter((message) => message.text?.includes('could not deliver'));
      expect(alert?.text).toBe(
        'Follow-Up Coach could not deliver the manager digest to <#GINVITED>: channel_not_found. It will not retry this.',
      );
      expect(JSON.stringify(alert?.blocks)).toContain('/invite @Follow-Up Coach');
    });
  });

  describe(`saving settings while the database is down [${engine}]`, () => {
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: { users: [{ id: 'U0BOSS', tz: 'UTC', is_admin: true }] },
    });
    beforeAll(async () => {
      await t.handle.close();
    });

    it('keeps the settings modal open with a message under the channel, instead of acking a lost save', async () => {
      const response = await t.sendInteraction(
        viewSubmissionPayload({
          user: 'U0BOSS',
          team: TEST_TEAM,
          callback_id: CALLBACK_IDS.settings,
          values: settingsValues('CSALES'),
        }),
      );
      expect(response.status).toBe(200);
      expect(response.json).toEqual({
        response_action: 'errors',
        errors: { [SETTINGS_BLOCKS.managerChannel]: SETTINGS_NOT_SAVED },
      });
      expect(t.logs.join('\n')).toMatch(/saving settings failed/);
      expect(t.fake.messagesTo('U0BOSS')).toEqual([]);
    });
  });
}
