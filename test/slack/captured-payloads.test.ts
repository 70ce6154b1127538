import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { people, workspaceSettings, workspaces } from '../../src/db/schema.js';
import { TEST_ENGINES } from '../support/database.js';
import { type EventEnvelope, sendEvent } from '../support/signed-requests.js';
import { eventually, TEST_SIGNING_SECRET, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';

/** A payload in Slack's own shape, with where that shape comes from (see the folder's README). */
function captured<T = Record<string, unknown>>(name: string): T {
  const file = new URL(`../fixtures/slack-payloads/${name}.json`, import.meta.url);
  const { source, payload } = JSON.parse(readFileSync(file, 'utf8')) as { source: string; payload: T };
  expect(source.length).toBeGreaterThan(0);
  return payload;
}

const NOW = new Date('2025-06-10T09:00:00Z');

for (const engine of TEST_ENGINES) {
  describe(`real-shaped payloads through the real receiver [${engine}]`, () => {
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        users: [
          { id: 'U0ADMIN', tz: 'UTC', real_name: 'Ada Admin', is_admin: true },
          { id: 'U0RITA', tz: 'Europe/Berlin', real_name: 'Rita Rep', name: 'rita' },
        ],
      },
    });
    beforeAll(async () => {
      await t.sendCommand('due', 'U0RITA');
      await eventually(() => expect(t.responses).toHaveLength(1));
    });

    const envelope = (name: string) => captured<EventEnvelope>(name);

    it('a slash command: /followup team @rita as Slack posts it names Rita on the team', async () => {
      const {
        trigger_id: _trigger,
        response_url: _url,
        ...fields
      } = captured<Record<string, string>>('slash-command-team');
      expect((await t.sendCommand(fields.text ?? '', fields.user_id, fields)).status).toBe(200);
      await eventually(() => expect(t.responses.at(-1)?.body.text).toBe('Your team now includes <@U0RITA>.'));
    });

    it('a slash command from a workspace outside Enterprise Grid, with an empty enterprise id, is answered', async () => {
      const before = t.responses.length;
      const response = await t.sendCommand('due', 'U0RITA', { enterprise_id: '', enterprise_name: '' });
      expect(response.status).toBe(200);
      await eventually(() => expect(t.responses).toHaveLength(before + 1));
    });

    it('a message shortcut: opens the log modal with the message as people read it', async () => {
      expect((await t.sendInteraction(captured('message-shortcut'))).status).toBe(200);
      const open = await eventually(() => {
        const call = t.fake.callsTo('views.open').at(-1);
        expect(call?.ok).toBe(true);
        return call;
      });
      expect(JSON.stringify(open?.args.view)).toContain(
        'Talked to Dana & @rita: renewal quote due Friday quote (https://acme.example/quote)',
      );
    });

    it('a block action on the Home tab: "Log a call" opens the log modal', async () => {
      const before = t.fake.callsTo('views.open').length;
      expect((await t.sendInteraction(captured('block-actions-log-a-call'))).status).toBe(200);
      await eventually(() =>
        expect(t.fake.callsTo('views.open').filter((c) => c.ok).length).toBe(before + 1),
      );
    });

    it('a view submission: the settings modal saves and closes', async () => {
      const response = await t.sendInteraction(captured('view-submission-settings'));
      expect(response.status).toBe(200);
      expect(response.body).toBe('');
      const [saved] = await t.db
        .select()
        .from(workspaceSettings)
        .where(eq(workspaceSettings.workspaceId, TEST_TEAM));
      expect(saved).toMatchObject({
        managerChannelId: 'C0SALES',
        digestHour: 8,
        digestMinute: 30,
        digestWeekdays: [1, 4],
      });
    });

    it('app_home_opened: publishes the Home tab', async () => {
      const response = await sendEvent(t.baseUrl, TEST_SIGNING_SECRET, envelope('event-app-home-opened'));
      expect(response.status).toBe(200);
      await eventually(() => expect(t.fake.callsTo('views.publish').at(-1)?.ok).toBe(true));
    });

    it('user_change: follows the rep to their new zone', async () => {
      const response = await sendEvent(t.baseUrl, TEST_SIGNING_SECRET, envelope('event-user-change'));
      expect(response.status).toBe(200);
      await eventually(async () => {
        const [rita] = await t.db.select().from(people).where(eq(people.slackUserId, 'U0RITA'));
        expect(rita).toMatchObject({ timeZone: 'America/Denver', deactivatedAt: null });
      });
    });

    it('tokens_revoked and app_uninstalled: the workspace is marked as gone', async () => {
      for (const name of ['event-tokens-revoked', 'event-app-uninstalled']) {
        await t.db.update(workspaces).set({ uninstalledAt: null }).where(eq(workspaces.id, TEST_TEAM));
        expect((await sendEvent(t.baseUrl, TEST_SIGNING_SECRET, envelope(name))).status).toBe(200);
        await eventually(async () => {
          const [workspace] = await t.db.select().from(workspaces).where(eq(workspaces.id, TEST_TEAM));
          expect(workspace?.uninstalledAt).not.toBeNull();
        });
      }
    });

    it('answered every payload without an unhandled error', () => {
      expect(t.logs.filter((line) => /unhandled|failed/.test(line))).toEqual([]);
      expect(t.blockKitRejections()).toEqual([]);
    });
  });
}
