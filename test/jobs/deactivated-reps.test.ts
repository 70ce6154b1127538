import { WebClient } from '@slack/web-api';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { people, workspaceSettings, workspaces } from '../../src/db/schema.js';
import type { JobDependencies } from '../../src/jobs/deliver.js';
import { runDigests } from '../../src/jobs/digests.js';
import { runDueCallDms } from '../../src/jobs/due-call-dms.js';
import { createPacer } from '../../src/jobs/pacer.js';
import { createLogger } from '../../src/logger.js';
import { webClientOptions } from '../../src/slack/node-http-fetch.js';
import { singleWorkspaceClients } from '../../src/slack/workspace-clients.js';
import { TEST_ENGINES } from '../support/database.js';
import { eventually, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';
import { addDeal, addPerson, virtualClock } from './support.js';

/** Tuesday 10 June 2025, 08:30 UTC: the reps' DM time and the manager's digest time. */
const NOW = new Date('2025-06-10T08:30:00Z');
const DAY = 86_400_000;

/**
 * `user_change` with `deleted: true` is how Slack says someone was deactivated (https://api.slack.com/events/user_change,
 * the user object's `deleted`, https://api.slack.com/types/user); messages to them are still accepted.
 */
for (const engine of TEST_ENGINES) {
  describe(`a rep who leaves the workspace [${engine}]`, () => {
    let deps: JobDependencies;
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        users: [
          { id: 'U0BOSS', tz: 'UTC', real_name: 'Bea Boss' },
          { id: 'U0RITA', tz: 'UTC', real_name: 'Rita Rep' },
          { id: 'U0GONE', tz: 'UTC', real_name: 'Gus Gone' },
        ],
      },
    });
    beforeAll(async () => {
      const clock = virtualClock(NOW);
      deps = {
        db: t.db,
        clients: singleWorkspaceClients(new WebClient('xoxb-test', webClientOptions(t.fake.url))),
        logger: createLogger('error', () => {}),
        instanceId: 'test',
        pacer: createPacer({ limit: 50, windowMs: 1000, perChannelMs: 1000 }, clock),
        clock,
        deadline: new AbortController().signal,
      };
      await t.db.insert(workspaces).values({ id: TEST_TEAM });
      await t.db.insert(workspaceSettings).values({
        workspaceId: TEST_TEAM,
        managerChannelId: 'CTEAM',
        updatedAt: new Date(NOW.getTime() - DAY),
      });
      const boss = await addPerson(t.db, { workspaceId: TEST_TEAM, slackUserId: 'U0BOSS', role: 'manager' });
      for (const [slackUserId, displayName, contactName] of [
        ['U0RITA', 'Rita Rep', 'Dana'],
        ['U0GONE', 'Gus Gone', 'Omar'],
      ] as const) {
        const rep = await addPerson(t.db, {
          workspaceId: TEST_TEAM,
          slackUserId,
          displayName,
          managerId: boss.id,
        });
        await addDeal(t.db, {
          workspaceId: TEST_TEAM,
          ownerId: rep.id,
          contactName,
          createdAt: new Date(NOW.getTime() - 30 * DAY),
          step: { dueAt: new Date(NOW.getTime() + 3_600_000) },
        });
      }
    });

    const departedAt = async () => {
      const [row] = await t.db.select().from(people).where(eq(people.slackUserId, 'U0GONE'));
      return row?.deactivatedAt;
    };
    const userChange = (deleted: boolean) =>
      t.sendEvent({
        type: 'user_change',
        user: { id: 'U0GONE', team_id: TEST_TEAM, name: 'gus', deleted, real_name: 'Gus Gone', tz: 'UTC' },
        event_ts: '1749544200.000100',
      });

    it('is marked as gone when Slack reports them deleted, and a replayed event changes nothing', async () => {
      expect((await userChange(true)).status).toBe(200);
      await eventually(async () => expect(await departedAt()).toEqual(NOW));
      t.setNow(new Date(NOW.getTime() + 60_000));
      await userChange(true);
      await eventually(async () => expect(t.logs).toEqual([]));
      expect(await departedAt()).toEqual(NOW);
    });

    it('gets no more DMs, while the rest of the team does', async () => {
      const tally = await runDueCallDms(deps, NOW);
      expect(tally.sent).toBe(1);
      expect(t.fake.messagesTo('U0RITA')).toHaveLength(1);
      expect(t.fake.messagesTo('U0GONE')).toEqual([]);
    });

    it('leaves the digest, which lists their open deals as "owner left" for the manager to reassign', async () => {
      await runDigests(deps, NOW);
      const [digest] = t.fake.messagesTo('CTEAM');
      const body = JSON.stringify(digest?.blocks);
      expect(body).toContain('<@U0RITA>');
      expect(body).not.toContain('<@U0GONE>');
      expect(body).toContain('Owner left: reassign these deals');
      expect(body).toContain('*Omar (Acme)*: owner left (Gus Gone)');
      expect(body).not.toMatch(/Dana \(Acme\)\*: owner left/);
    });

    it('is back when Slack reactivates them', async () => {
      await userChange(false);
      await eventually(async () => expect(await departedAt()).toBeNull());
    });
  });
}
