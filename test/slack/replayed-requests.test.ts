import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { nextSteps, prospects } from '../../src/db/schema.js';
import { createLogger } from '../../src/logger.js';
import { createSlackApp } from '../../src/slack/app.js';
import { TEST_ENGINES } from '../support/database.js';
import {
  blockActionsPayload,
  eventCallback,
  sendEvent,
  sendSignedRequest,
  slashCommandBody,
} from '../support/signed-requests.js';
import { eventually, TEST_SIGNING_SECRET, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';
import { logSubmission, logValues } from './log-values.js';

const NOW = new Date('2025-06-02T08:00:00Z');
const WEDNESDAY_10 = new Date('2025-06-04T08:00:00Z');
const nowInSeconds = () => Math.floor(Date.now() / 1000);

for (const engine of TEST_ENGINES) {
  describe(`a replayed or future-dated request changes nothing [${engine}]`, () => {
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        users: [{ id: 'U0ANA', tz: 'Europe/Berlin' }],
        rateLimits: { 'chat.postMessage': [] },
      },
    });

    /** The same signed bytes, twice: what an eavesdropper who copied one request would send. */
    async function sendTwice(payload: Record<string, unknown>) {
      const signedAt = nowInSeconds();
      const once = { ...payload, trigger_id: t.fake.issueTriggerId() };
      const first = await t.sendInteraction(once, { timestamp: signedAt });
      const replay = await t.sendInteraction(once, { timestamp: signedAt });
      return { first, replay };
    }

    const loggedCall = (viewId: string, contact: string) =>
      logSubmission(
        'U0ANA',
        logValues({
          prospect: contact,
          company: 'Initech',
          nextCallAt: WEDNESDAY_10,
          valueReason: 'price_drop',
          plan: `The X200 price drops 15% on 1 July: show ${contact} the new quote for 40 seats`,
        }),
        { id: viewId },
      );

    async function stepOf(contact: string) {
      const [row] = await t.db
        .select({ step: nextSteps })
        .from(nextSteps)
        .innerJoin(prospects, eq(prospects.id, nextSteps.prospectId))
        .where(eq(prospects.contactName, contact));
      if (!row) throw new Error(`no next step for ${contact}`);
      return row.step;
    }

    it('sends one confirmation for a view submission replayed, and refuses the replay', async () => {
      const { first, replay } = await sendTwice(loggedCall('V0REPLAY', 'Rhea'));

      expect(first.status).toBe(200);
      expect(replay.status).toBe(401);
      await eventually(() => expect(t.fake.messagesTo('U0ANA')).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(t.fake.messagesTo('U0ANA')).toHaveLength(1);
    });

    it('moves a snoozed call once when the snooze is replayed', async () => {
      await t.sendInteraction(loggedCall('V0SNOOZED', 'Sam'));
      const step = await stepOf('Sam');
      const before = t.responses.length;

      const { first, replay } = await sendTwice(
        blockActionsPayload({
          user: 'U0ANA',
          team: TEST_TEAM,
          actions: [
            {
              action_id: 'snooze',
              block_id: 'next_step',
              type: 'overflow',
              selected_option: { text: { type: 'plain_text', text: '1d' }, value: `${step.id}:1d` },
            },
          ],
          message: { channel: 'D0ANA', ts: '1748851200.000100' },
        }),
      );

      expect([first.status, replay.status]).toEqual([200, 401]);
      await eventually(() => expect(t.responses.length).toBe(before + 1));
      const after = await stepOf('Sam');
      expect(after.dueAt).toEqual(new Date('2025-06-05T08:00:00Z'));
      expect(after.snoozeCount).toBe(1);
    });

    it('refuses a request signed more than five minutes ahead, and acts on nothing', async () => {
      const calls = t.fake.calls.length;
      const response = await t.sendCommand('digest', 'U0ANA', {}, { timestamp: nowInSeconds() + 6 * 60 });

      expect(response.status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(t.fake.calls.length).toBe(calls);
      expect(t.responses.filter((response) => response.path.includes('/commands/'))).toEqual([]);
    });

    it('still takes a request signed a little ahead, as a clock a few seconds fast would sign it', async () => {
      const response = await t.sendCommand('help', 'U0ANA', {}, { timestamp: nowInSeconds() + 30 });
      expect(response.status).toBe(200);
      await eventually(() =>
        expect(t.responses.some((response) => response.path.endsWith('/commands/U0ANA'))).toBe(true),
      );
    });

    it('acks Slack’s retry of an event (same event_id, new signature) without handling it again', async () => {
      const envelope = eventCallback(
        { type: 'app_home_opened', user: 'U0ANA', channel: 'D0ANA', tab: 'home' },
        { team_id: TEST_TEAM },
      );
      const first = await sendEvent(t.baseUrl, TEST_SIGNING_SECRET, envelope);
      await eventually(() => expect(t.fake.callsTo('views.publish')).toHaveLength(1));
      const retry = await sendEvent(t.baseUrl, TEST_SIGNING_SECRET, envelope, {
        retryNum: 1,
        timestamp: nowInSeconds() + 1,
      });

      expect([first.status, retry.status]).toEqual([200, 200]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(t.fake.callsTo('views.publish')).toHaveLength(1);
    });

    it('refuses on a second instance a request the first one already took', async () => {
      const second = createSlackApp(
        {
          install: { kind: 'single-workspace', botToken: 'xoxb-test-token' },
          signingSecret: TEST_SIGNING_SECRET,
          appToken: undefined,
          apiUrl: t.fake.url,
          port: 0,
          checkHealth: async () => {},
        },
        {
          db: t.db,
          now: () => NOW,
          logger: createLogger('error', () => {}),
          sendMessage: async () => ({ ok: true, ts: null }),
        },
      );
      await second.init();
      const server = (await second.start({ port: 0, host: '127.0.0.1' })) as Server;
      try {
        const body = slashCommandBody({ text: 'help', user_id: 'U0ANA', team_id: TEST_TEAM });
        const signedAt = nowInSeconds();
        const send = (baseUrl: string) =>
          sendSignedRequest(baseUrl, TEST_SIGNING_SECRET, body, 'application/x-www-form-urlencoded', {
            timestamp: signedAt,
          });
        const secondUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

        expect((await send(t.baseUrl)).status).toBe(200);
        expect((await send(secondUrl)).status).toBe(401);
      } finally {
        await second.stop();
      }
    });

    it('refuses a body larger than any Slack sends before reading it, and closes the connection', async () => {
      const response = await sendSignedRequest(
        t.baseUrl,
        TEST_SIGNING_SECRET,
        `payload=${'x'.repeat(2_000_000)}`,
        'application/x-www-form-urlencoded',
      );
      expect(response.status).toBe(413);
    });

    it('answers a signed payload=null at once instead of leaving the request open', async () => {
      const response = await sendSignedRequest(
        t.baseUrl,
        TEST_SIGNING_SECRET,
        'payload=null',
        'application/x-www-form-urlencoded',
      );
      expect(response.status).toBe(200);
    });
  });
}
