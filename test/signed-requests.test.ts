import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.js';
import { quietSlackLogger } from './support/quiet-slack-logger.js';
import {
  blockActionsPayload,
  eventCallback,
  messageShortcutPayload,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
  viewSubmissionPayload,
} from './support/signed-requests.js';
import { EVENTUALLY_DEADLINE_MS } from './support/slack-test-app.js';

const SIGNING_SECRET = 'test-signing-secret';
const TEAM = 'T0FAKE';
const REP = 'U0REP';
/** vi.waitFor gives up after 1 s by default; a busy machine needs longer, and success returns at once. */
const WAIT = { timeout: EVENTUALLY_DEADLINE_MS };

describe('signed requests into the real Bolt HTTP receiver', () => {
  let fake: FakeSlack;
  let app: App;
  let baseUrl: string;
  const seen: Record<string, unknown[]> = { submissions: [], actions: [], shortcuts: [], events: [] };

  beforeAll(async () => {
    fake = await startFakeSlack();
    app = new App({
      signingSecret: SIGNING_SECRET,
      token: 'xoxb-test',
      // Known bot identity: Bolt skips auth.test at construction.
      botId: 'B0FAKEBOT',
      botUserId: 'U0FAKEBOT',
      logger: quietSlackLogger,
      clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
    });
    app.command('/followup', async ({ ack, command, client }) => {
      await ack();
      await client.chat.postMessage({ channel: command.user_id, text: `Noted: ${command.text}` });
    });
    app.view('log_call', async ({ ack, view }) => {
      seen.submissions?.push(view.state.values);
      await ack();
    });
    app.action('snooze', async ({ ack, action }) => {
      seen.actions?.push(action);
      await ack();
    });
    app.shortcut('log_from_message', async ({ ack, shortcut }) => {
      seen.shortcuts?.push(shortcut.callback_id);
      await ack();
    });
    app.event('app_home_opened', async ({ event, context }) => {
      seen.events?.push({ user: event.user, retryNum: context.retryNum });
    });
    // HTTPReceiver.start resolves with the node:http server, which is how a test learns port 0's real port.
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    fake.reset();
    for (const list of Object.values(seen)) list.length = 0;
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  const command = { text: 'Acme warranty', user_id: REP, team_id: TEAM };

  it('accepts a signed slash command, and the listener posts through the fake Slack', async () => {
    const response = await sendSlashCommand(baseUrl, SIGNING_SECRET, command);

    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(fake.messagesTo(REP)).toHaveLength(1), WAIT);
    expect(fake.messagesTo(REP)[0]?.text).toBe('Noted: Acme warranty');
  });

  it.each([
    ['signed with another secret', { wrongSecret: true }],
    ['signed more than five minutes ago', { staleTimestamp: true }],
    ['changed after signing', { tamperBody: true }],
  ])('refuses a command %s with 401 and runs no listener', async (_case, forgery) => {
    const response = await sendSlashCommand(baseUrl, SIGNING_SECRET, command, forgery);

    expect(response.status).toBe(401);
    expect(fake.calls).toEqual([]);
  });

  it('delivers a view submission with its state values', async () => {
    const values = {
      next_step: { text: { type: 'plain_text_input', value: 'Send the warranty quote' } },
      when: { at: { type: 'datetimepicker', selected_date_time: 1_743_321_600 } },
    };
    const payload = viewSubmissionPayload({ user: REP, team: TEAM, callback_id: 'log_call', values });

    const response = await sendInteraction(baseUrl, SIGNING_SECRET, payload);

    expect(response.status).toBe(200);
    expect(seen.submissions).toEqual([values]);
  });

  it('delivers a block action from a message and a message shortcut', async () => {
    const action = { action_id: 'snooze', block_id: 'call_1', type: 'button', value: 'call_1' };
    const message = { channel: 'D0REP', ts: '1741597200.000100' };
    const clicked = blockActionsPayload({ user: REP, team: TEAM, actions: [action], message });
    const shortcut = messageShortcutPayload({
      user: REP,
      team: TEAM,
      callback_id: 'log_from_message',
      channel: 'C0DEALS',
      message: { ts: '1741597200.000200', text: 'Acme wants a quote by Friday' },
    });

    expect((await sendInteraction(baseUrl, SIGNING_SECRET, clicked)).status).toBe(200);
    expect((await sendInteraction(baseUrl, SIGNING_SECRET, shortcut)).status).toBe(200);
    expect(seen.actions).toEqual([expect.objectContaining(action)]);
    expect(seen.shortcuts).toEqual(['log_from_message']);
  });

  it('delivers an event and its retry, telling the listener which retry it is', async () => {
    const envelope = eventCallback(
      { type: 'app_home_opened', user: REP, channel: 'D0REP', tab: 'home' },
      { team_id: TEAM },
    );

    expect((await sendEvent(baseUrl, SIGNING_SECRET, envelope)).status).toBe(200);
    expect((await sendEvent(baseUrl, SIGNING_SECRET, envelope, { retryNum: 1 })).status).toBe(200);
    await vi.waitFor(() => expect(seen.events).toHaveLength(2), WAIT);
    expect(seen.events).toEqual([
      { user: REP, retryNum: undefined },
      { user: REP, retryNum: 1 },
    ]);
  });

  it('refuses a tampered event with 401', async () => {
    const envelope = eventCallback({ type: 'app_home_opened', user: REP, tab: 'home' }, { team_id: TEAM });
    expect((await sendEvent(baseUrl, SIGNING_SECRET, envelope, { tamperBody: true })).status).toBe(401);
  });
});
