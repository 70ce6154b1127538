import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { installations, nextSteps, people, prospects, workspaceSettings } from '../../src/db/schema.js';
import type { JobDependencies } from '../../src/jobs/deliver.js';
import { runDigests } from '../../src/jobs/digests.js';
import { runDueCallDms } from '../../src/jobs/due-call-dms.js';
import { createPacer } from '../../src/jobs/pacer.js';
import { createLogger } from '../../src/logger.js';
import { webClientOptions } from '../../src/slack/node-http-fetch.js';
import { installedWorkspaceClients } from '../../src/slack/workspace-clients.js';
import { createTokenCipher } from '../../src/token-cipher.js';
import { virtualClock } from '../jobs/support.js';
import { installThroughBrowser } from '../support/browser-install.js';
import { TEST_ENGINES } from '../support/database.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { blockActionsPayload, eventCallback, sendEvent } from '../support/signed-requests.js';
import {
  eventually,
  TEST_SIGNING_SECRET,
  TEST_TOKEN_KEYS,
  useSlackTestApp,
} from '../support/slack-test-app.js';
import { logSubmission, logValues } from './log-values.js';

/** Monday 2 June 2025, 08:00 in Berlin, where everyone here works. */
const NOW = new Date('2025-06-02T06:00:00Z');
const MONDAY_0830 = new Date('2025-06-02T06:30:00Z');
const MONDAY_0900 = new Date('2025-06-02T07:00:00Z');
const TUESDAY_0830 = new Date('2025-06-03T06:30:00Z');
const MONDAY_1400 = new Date('2025-06-02T12:00:00Z');

const ACME = {
  teamId: 'T0ACME',
  name: 'Acme Sales',
  botUserId: 'U0ACMEBOT',
  botId: 'B0ACMEBOT',
  rep: 'U0ACMEREP',
  manager: 'U0ACMEBOSS',
  channel: 'C0ACMEMGR',
  contact: 'Dana',
};
const GLOBEX = {
  teamId: 'T0GLOBEX',
  name: 'Globex',
  botUserId: 'U0GLOBEXBOT',
  botId: 'B0GLOBEXBOT',
  rep: 'U0GLOBREP',
  manager: 'U0GLOBBOSS',
  channel: 'C0GLOBMGR',
  contact: 'Omar',
};
const WORKSPACES = [ACME, GLOBEX];
type Workspace = typeof ACME;

/** Where a call went: the user or channel it addressed, whichever argument names it. */
const addressee = (call: RecordedCall) =>
  String(call.args.channel ?? call.args.user_id ?? call.args.user ?? '');

for (const engine of TEST_ENGINES) {
  describe(`two workspaces served by one instance [${engine}]`, () => {
    let jobs: JobDependencies;
    const stepIds = new Map<string, number>();
    /** Each workspace's bot token as the fake issued it, to look for where it must never appear. */
    const tokens = new Map<string, string>();

    const t = useSlackTestApp({
      engine,
      now: NOW,
      install: 'oauth',
      fakeOptions: {
        workspaces: WORKSPACES.map(({ teamId, name, botUserId, botId }) => ({
          teamId,
          name,
          botUserId,
          botId,
        })),
        users: WORKSPACES.flatMap((w) => [
          { id: w.rep, teamId: w.teamId, tz: 'Europe/Berlin' },
          { id: w.manager, teamId: w.teamId, tz: 'Europe/Berlin' },
        ]),
        rateLimits: { 'chat.postMessage': [] },
      },
    });
    beforeAll(async () => {
      const clock = virtualClock(NOW);
      jobs = {
        db: t.db,
        clients: installedWorkspaceClients({
          db: t.db,
          cipher: createTokenCipher(TEST_TOKEN_KEYS),
          clientOptions: webClientOptions(t.fake.url),
        }),
        logger: createLogger('warn', (line) => t.logs.push(line)),
        instanceId: 'test',
        pacer: createPacer({ limit: 50, windowMs: 1000, perChannelMs: 1000 }, clock),
        deadline: new AbortController().signal,
        clock,
      };
      for (const w of WORKSPACES) {
        const page = await installThroughBrowser(t, { teamId: w.teamId, userId: w.manager });
        expect(page.html).toContain(`installed in ${w.name}`);
        tokens.set(w.teamId, t.fake.tokenOf(w.teamId) ?? '');
      }
    });

    const other = (w: Workspace) => (w === ACME ? GLOBEX : ACME);

    /** Each call that addressed one of `w`'s people or channels was made with `w`'s own token, and only with it. */
    function expectEveryCallWithItsOwnToken(calls: readonly RecordedCall[]) {
      for (const w of WORKSPACES) {
        const theirs = calls.filter((call) =>
          [w.rep, w.manager, w.channel, `D${w.rep.slice(1)}`].includes(addressee(call)),
        );
        for (const call of theirs)
          expect({ method: call.method, teamId: call.teamId }).toEqual({
            method: call.method,
            teamId: w.teamId,
          });
      }
    }

    it('serves each workspace’s commands, buttons and Home with its own token and its own data', async () => {
      for (const w of WORKSPACES) {
        const response = await t.sendInteraction(
          logSubmission(
            w.rep,
            logValues({
              prospect: w.contact,
              company: w.name,
              nextCallAt: MONDAY_1400,
              agreed: true,
              valueReason: 'price_drop',
              plan: `The X200 price drops 15% on 1 July: show ${w.contact} the new quote for 40 seats`,
            }),
            { id: `V0LOG${w.teamId}`, team: w.teamId },
          ),
        );
        expect(response.body).toBe('');
        // Read once stored: a listener that misses Bolt's 3 s on a busy machine is answered for, and saves after.
        const row = await eventually(async () => {
          const [stored] = await t.db
            .select({ id: nextSteps.id, workspaceId: nextSteps.workspaceId })
            .from(nextSteps)
            .innerJoin(prospects, eq(prospects.id, nextSteps.prospectId))
            .where(eq(prospects.contactName, w.contact));
          expect(stored).toBeDefined();
          return stored;
        });
        expect(row?.workspaceId).toBe(w.teamId);
        stepIds.set(w.teamId, row?.id ?? 0);
      }

      for (const w of WORKSPACES) {
        expect((await t.sendCommand('due', w.rep, { team_id: w.teamId })).status).toBe(200);
        const due = await eventually(() => {
          const reply = t.responses.find((response) => response.path.endsWith(`/commands/${w.rep}`));
          expect(reply).toBeDefined();
          return JSON.stringify(reply?.body);
        });
        expect(due).toContain(w.contact);
        expect(due).not.toContain(other(w).contact);
      }
      for (const w of WORKSPACES) {
        await sendEvent(
          t.baseUrl,
          TEST_SIGNING_SECRET,
          eventCallback(
            { type: 'app_home_opened', user: w.rep, tab: 'home' },
            { team_id: w.teamId, bot_user_id: w.botUserId },
          ),
        );
      }
      await eventually(() =>
        expect(t.fake.callsTo('views.publish').filter((call) => call.ok)).toHaveLength(2),
      );
      for (const w of WORKSPACES) {
        const home = t.fake.callsTo('views.publish').find((call) => call.args.user_id === w.rep);
        expect(home?.teamId).toBe(w.teamId);
        expect(JSON.stringify(home?.args.view)).toContain(w.contact);
        expect(JSON.stringify(home?.args.view)).not.toContain(other(w).contact);
      }

      // A button carrying another workspace's next step id changes nothing there.
      await t.sendInteraction(
        blockActionsPayload({
          user: GLOBEX.rep,
          team: GLOBEX.teamId,
          actions: [
            {
              block_id: 'next_step',
              type: 'button',
              action_id: 'mark_done',
              value: String(stepIds.get(ACME.teamId)),
            },
          ],
          message: { channel: `D${GLOBEX.rep.slice(1)}`, ts: '1748851200.000100' },
        }),
      );
      await eventually(() =>
        expect(t.responses.some((response) => response.path.endsWith(`/${GLOBEX.rep}`))).toBe(true),
      );
      const [acmeStep] = await t.db
        .select()
        .from(nextSteps)
        .where(eq(nextSteps.id, stepIds.get(ACME.teamId) ?? 0));
      expect(acmeStep?.status).toBe('scheduled');

      // Each workspace has its own people: nobody was created in the other one.
      for (const w of WORKSPACES) {
        const names = await t.db
          .select({ slackUserId: people.slackUserId })
          .from(people)
          .where(eq(people.workspaceId, w.teamId));
        expect(names.map((person) => person.slackUserId)).not.toContain(other(w).rep);
      }
      expectEveryCallWithItsOwnToken(t.fake.calls);
    });

    it('sends each rep the morning DM and each manager the digest with their own workspace’s token', async () => {
      for (const w of WORKSPACES) {
        await t.db
          .insert(people)
          .values({
            workspaceId: w.teamId,
            slackUserId: w.manager,
            role: 'manager',
            timeZone: 'Europe/Berlin',
          })
          .onConflictDoNothing();
        await t.db
          .insert(workspaceSettings)
          .values({
            workspaceId: w.teamId,
            managerChannelId: w.channel,
            updatedAt: new Date('2025-05-01T00:00:00Z'),
          })
          .onConflictDoUpdate({
            target: workspaceSettings.workspaceId,
            set: { managerChannelId: w.channel, updatedAt: new Date('2025-05-01T00:00:00Z') },
          });
      }
      const before = t.fake.calls.length;
      expect((await runDueCallDms(jobs, MONDAY_0830)).sent).toBe(2);
      expect((await runDigests(jobs, MONDAY_0900)).sent).toBe(2);
      const sent = t.fake.calls.slice(before).filter((call) => call.method === 'chat.postMessage');
      for (const w of WORKSPACES) {
        const dm = sent.find((call) => call.args.channel === w.rep);
        expect(dm).toMatchObject({ ok: true, teamId: w.teamId });
        expect(JSON.stringify(dm?.args)).toContain(w.contact);
        expect(JSON.stringify(dm?.args)).not.toContain(other(w).contact);
        const digest = sent.find((call) => call.args.channel === w.channel);
        expect(digest).toMatchObject({ ok: true, teamId: w.teamId });
        expect(JSON.stringify(digest?.args)).not.toContain(other(w).contact);
      }
      expectEveryCallWithItsOwnToken(t.fake.calls);
    });

    it('sends nothing more to a workspace that removed the app, and keeps serving the other', async () => {
      t.fake.uninstall(GLOBEX.teamId);
      await sendEvent(
        t.baseUrl,
        TEST_SIGNING_SECRET,
        eventCallback({ type: 'app_uninstalled' }, { team_id: GLOBEX.teamId, bot_user_id: GLOBEX.botUserId }),
      );
      await eventually(async () => {
        const [row] = await t.db.select().from(installations).where(eq(installations.id, GLOBEX.teamId));
        expect(row?.sealedBotToken).toBeNull();
      });
      const before = t.fake.calls.length;
      // Both calls are overdue on Tuesday morning: only Acme's rep hears about theirs.
      await runDueCallDms(jobs, TUESDAY_0830);
      const after = t.fake.calls.slice(before);
      expect(
        after
          .filter((call) => call.method === 'chat.postMessage')
          .map((call) => [call.args.channel, call.teamId]),
      ).toEqual([[ACME.rep, ACME.teamId]]);
      expect(after.filter((call) => call.teamId === GLOBEX.teamId || call.error === 'token_revoked')).toEqual(
        [],
      );
      // Its sales data stays until an operator purges the workspace.
      const kept = await t.db
        .select()
        .from(prospects)
        .where(and(eq(prospects.workspaceId, GLOBEX.teamId), eq(prospects.contactName, GLOBEX.contact)));
      expect(kept).toHaveLength(1);
    });

    it('keeps no token in clear text in the database or in any log line', async () => {
      const tokens = WORKSPACES.map((w) => t.fake.calls.find((call) => call.teamId === w.teamId)).filter(
        Boolean,
      );
      expect(tokens).toHaveLength(2);
      const stored = JSON.stringify(await t.db.select().from(installations));
      expect(stored).not.toMatch(/xoxb-/);
      expect(t.logs.join('\n')).not.toMatch(/xoxb-/);
    });
  });
}
