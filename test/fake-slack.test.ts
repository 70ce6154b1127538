import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.js';
import { quietSlackLogger } from './support/quiet-slack-logger.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const modal = (title: string) => ({ type: 'modal', title: { type: 'plain_text', text: title }, blocks: [] });

/** Resolves to the Slack error code a call failed with, or 'ok'. */
async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    const failure = error as { code?: string; data?: { error?: string }; statusCode?: number };
    return (
      failure.data?.error ?? (failure.statusCode ? `http_${failure.statusCode}` : (failure.code ?? 'unknown'))
    );
  }
}

function clientFor(fake: FakeSlack, token = 'xoxb-test'): WebClient {
  return new WebClient(token, {
    slackApiUrl: fake.url,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: quietSlackLogger,
  });
}

describe('fake Slack Web API driven by a real WebClient', () => {
  const start = Date.parse('2025-03-10T09:00:00Z');
  let now = start;
  let fake: FakeSlack;
  let client: WebClient;

  beforeAll(async () => {
    fake = await startFakeSlack({
      clock: () => now,
      users: [
        {
          id: 'U0REP',
          real_name: 'Rita Rep',
          tz: 'Europe/Paris',
          tz_label: 'Central European Time',
          tz_offset: 3600,
        },
        { id: 'U0BOT', is_bot: true },
      ],
    });
    client = clientFor(fake);
  });

  beforeEach(() => {
    now = start;
    fake.reset();
  });

  afterAll(async () => {
    await fake?.close();
  });

  it('answers auth.test with the bot identity of the workspace', async () => {
    const identity = await client.auth.test();
    expect(identity).toMatchObject({
      ok: true,
      team_id: 'T0FAKE',
      user_id: 'U0FAKEBOT',
      bot_id: 'B0FAKEBOT',
    });
  });

  it('records a valid post with its blocks parsed, and files a DM to a user under the DM channel', async () => {
    const posted = await client.chat.postMessage({
      channel: 'U0REP',
      text: 'Call Acme',
      blocks: [section('Call Acme')],
    });

    expect(posted).toMatchObject({ ok: true, channel: 'D0REP' });
    expect(fake.messagesTo('U0REP')).toEqual([
      { channel: 'D0REP', ts: posted.ts, text: 'Call Acme', blocks: [section('Call Acme')] },
    ]);
    expect(fake.messagesTo('D0REP')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toEqual([
      expect.objectContaining({
        ok: true,
        status: 200,
        args: expect.objectContaining({ blocks: [section('Call Acme')] }),
      }),
    ]);
  });

  it('accepts a JSON body as Slack does', async () => {
    const response = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C0DEALS', blocks: [section('Pipeline')] }),
    });
    expect(await response.json()).toMatchObject({ ok: true, channel: 'C0DEALS' });
    expect(fake.messagesTo('C0DEALS')[0]?.blocks).toEqual([section('Pipeline')]);
  });

  it('refuses invalid blocks with invalid_blocks and says why', async () => {
    const tooLong = client.chat.postMessage({
      channel: 'C0DEALS',
      text: 'x',
      blocks: [section('x'.repeat(3001))],
    });

    await expect(tooLong).rejects.toMatchObject({
      data: {
        error: 'invalid_blocks',
        response_metadata: { messages: ['[ERROR] blocks[0].text.text: has 3001 characters, more than 3000'] },
      },
    });
    expect(fake.messagesTo('C0DEALS')).toEqual([]);
    expect(fake.calls).toEqual([
      expect.objectContaining({ ok: false, error: 'invalid_blocks', status: 200 }),
    ]);
  });

  it('refuses unknown methods and tokens that are not bot tokens', async () => {
    expect(await outcomeOf(client.apiCall('chat.teleport'))).toBe('unknown_method');
    expect(await outcomeOf(clientFor(fake, 'xoxp-user').auth.test())).toBe('invalid_auth');
  });

  it('answers 429 with Retry-After once a channel gets more than one message a second', async () => {
    await client.chat.postMessage({ channel: 'C0DEALS', text: 'first' });

    const second = client.chat.postMessage({ channel: 'C0DEALS', text: 'second' });
    await expect(second).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 1 });
    expect(await outcomeOf(client.chat.postMessage({ channel: 'C0OTHER', text: 'elsewhere' }))).toBe('ok');

    now += 1000;
    expect(await outcomeOf(client.chat.postMessage({ channel: 'C0DEALS', text: 'later' }))).toBe('ok');
    expect(fake.calls.map((call) => call.status)).toEqual([200, 429, 200, 200]);
  });

  it('limits tier 2 methods to 20 calls a minute per workspace', async () => {
    for (let call = 0; call < 20; call++) await client.users.list({});
    expect(await outcomeOf(client.users.list({}))).toBe('slack_webapi_rate_limited_error');
    now += 60_000;
    expect(await outcomeOf(client.users.list({}))).toBe('ok');
  });

  it('lets a WebClient that retries wait out Retry-After and succeed', async () => {
    fake.failNext('chat.postMessage', { ratelimited: 1 });
    const patient = new WebClient('xoxb-test', {
      slackApiUrl: fake.url,
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 1 },
      logger: quietSlackLogger,
    });
    const startedAt = Date.now();

    await patient.chat.postMessage({ channel: 'C0DEALS', text: 'eventually' });

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
    expect(fake.callsTo('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
    expect(fake.messagesTo('C0DEALS')).toHaveLength(1);
  });

  it('opens a modal with a fresh trigger once, and refuses used, expired and unknown triggers', async () => {
    const trigger = fake.issueTriggerId();
    const opened = await client.views.open({ trigger_id: trigger, view: modal('Log a call') as never });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), type: 'modal' });

    expect(await outcomeOf(client.views.open({ trigger_id: trigger, view: modal('Again') as never }))).toBe(
      'exchanged_trigger_id',
    );
    const stale = fake.issueTriggerId();
    now += 3001;
    expect(await outcomeOf(client.views.open({ trigger_id: stale, view: modal('Late') as never }))).toBe(
      'expired_trigger_id',
    );
    expect(await outcomeOf(client.views.open({ trigger_id: 'made.up', view: modal('Fake') as never }))).toBe(
      'invalid_trigger_id',
    );
  });

  it('refuses an invalid view with invalid_arguments', async () => {
    const view = modal('A title far longer than twenty-four characters');
    const refused = client.views.open({ trigger_id: fake.issueTriggerId(), view: view as never });
    await expect(refused).rejects.toMatchObject({
      data: {
        error: 'invalid_arguments',
        response_metadata: { messages: ['[ERROR] view.title.text: has 46 characters, more than 24'] },
      },
    });
    const home = client.views.publish({
      user_id: 'U0REP',
      view: { type: 'home', blocks: [{ type: 'table' }] } as never,
    });
    expect(await outcomeOf(home)).toBe('invalid_arguments');
  });

  it('updates an opened view by id and refuses a stale hash', async () => {
    const opened = await client.views.open({
      trigger_id: fake.issueTriggerId(),
      view: modal('Log a call') as never,
    });
    const viewId = opened.view?.id ?? '';
    const updated = await client.views.update({
      view_id: viewId,
      hash: opened.view?.hash,
      view: modal('Saved') as never,
    });
    expect(updated.view?.title).toEqual({ type: 'plain_text', text: 'Saved' });
    const stale = client.views.update({
      view_id: viewId,
      hash: opened.view?.hash,
      view: modal('Again') as never,
    });
    expect(await outcomeOf(stale)).toBe('hash_conflict');
  });

  it('gives users.info the IANA zone, and user_not_found for strangers', async () => {
    const { user } = await client.users.info({ user: 'U0REP' });
    expect(user).toMatchObject({
      id: 'U0REP',
      tz: 'Europe/Paris',
      tz_label: 'Central European Time',
      tz_offset: 3600,
    });
    expect(await outcomeOf(client.users.info({ user: 'U0NOBODY' }))).toBe('user_not_found');
  });

  it('treats deleted users as Slack does: marked in users.info, and still accepting DMs', async () => {
    fake.setDeletedUser('U0REP');

    expect((await client.users.info({ user: 'U0REP' })).user?.deleted).toBe(true);
    expect(await outcomeOf(client.conversations.open({ users: 'U0REP' }))).toBe('user_disabled');
    expect(await outcomeOf(client.chat.postMessage({ channel: 'U0REP', text: 'hi' }))).toBe('ok');
    expect(fake.messagesTo('U0REP')).toHaveLength(1);
  });

  it('opens the DM with a person and answers with its D channel', async () => {
    expect((await client.conversations.open({ users: 'U0REP' })).channel?.id).toBe('D0REP');
  });

  it('answers with the error names the methods document', async () => {
    const long = 'x'.repeat(40_001);
    expect(await outcomeOf(client.chat.postMessage({ channel: 'U0REP', text: long }))).toBe('ok');
    expect(fake.messagesTo('U0REP').at(-1)?.text).toHaveLength(40_000);
    const posted = await client.chat.postMessage({ channel: 'C0DEALS', text: 'short' });
    const update = client.chat.update({ channel: 'C0DEALS', ts: posted.ts ?? '', text: 'y'.repeat(4_001) });
    expect(await outcomeOf(update)).toBe('msg_too_long');
    const huge = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Big' },
      blocks: [],
      private_metadata: 'z'.repeat(250_001),
    };
    expect(await outcomeOf(client.views.open({ trigger_id: fake.issueTriggerId(), view: huge }))).toBe(
      'view_too_large',
    );
  });

  it('schedules messages up to 120 days ahead and at most 30 per channel in five minutes', async () => {
    const inSeconds = (seconds: number) => Math.floor(now / 1000) + seconds;
    const schedule = (postAt: number) =>
      client.chat.scheduleMessage({ channel: 'C0DEALS', text: 'x', post_at: postAt });

    expect(await outcomeOf(schedule(inSeconds(-60)))).toBe('time_in_past');
    expect(await outcomeOf(schedule(inSeconds(121 * 24 * 3600)))).toBe('time_too_far');
    for (let index = 0; index < 30; index++) await schedule(inSeconds(3600 + index));
    expect(await outcomeOf(schedule(inSeconds(3600 + 30)))).toBe('restricted_too_many');
    expect(await outcomeOf(schedule(inSeconds(7200)))).toBe('ok');
  });

  it('takes a file as WebClient.filesUploadV2 sends it and shares it in the DM with its comment', async () => {
    const content = 'BEGIN:VCALENDAR\r\nSUMMARY:Café ☕\r\nEND:VCALENDAR\r\n';
    const answer = await client.filesUploadV2({
      channel_id: 'D0REP',
      content,
      filename: 'call.ics',
      title: 'Call',
      initial_comment: 'Forward this',
    });
    expect(answer.ok).toBe(true);
    const [shared] = fake.filesIn('U0REP');
    expect(shared).toMatchObject({ channel: 'D0REP', filename: 'call.ics', title: 'Call', content });
    expect(shared?.initial_comment).toBe('Forward this');
    const [asked] = fake.callsTo('files.getUploadURLExternal');
    expect(Number(asked?.args.length)).toBe(Buffer.byteLength(content));
    expect(fake.callsTo('files.completeUploadExternal')[0]?.args.files).toEqual([
      { id: shared?.id, title: 'Call' },
    ]);
  });

  it('refuses to share a file by user id, and asks for a length', async () => {
    const upload = (channel: string) =>
      client.filesUploadV2({ channel_id: channel, content: 'x', filename: 'x.ics' });
    expect(await outcomeOf(upload('U0REP'))).toBe('invalid_arguments');
    expect(fake.filesIn('U0REP')).toEqual([]);
    expect(await outcomeOf(client.files.getUploadURLExternal({ filename: 'x.ics', length: 0 }))).toBe(
      'missing_argument',
    );
  });

  it('injects faults for the next calls only', async () => {
    fake.failNext('chat.postMessage', { status: 500 });
    fake.failNext('users.info', { error: 'fatal_error' }, 2);

    expect(await outcomeOf(client.chat.postMessage({ channel: 'C0DEALS', text: 'x' }))).toBe('http_500');
    expect(await outcomeOf(client.chat.postMessage({ channel: 'C0DEALS', text: 'x' }))).toBe('ok');
    expect(await outcomeOf(client.users.info({ user: 'U0REP' }))).toBe('fatal_error');
    expect(await outcomeOf(client.users.info({ user: 'U0REP' }))).toBe('fatal_error');
    expect(await outcomeOf(client.users.info({ user: 'U0REP' }))).toBe('ok');
    expect(fake.callsTo('chat.postMessage').map((call) => [call.status, call.ok])).toEqual([
      [500, false],
      [200, true],
    ]);
  });

  it('delays answers by the configured latency', async () => {
    fake.setLatency(150);
    const startedAt = Date.now();
    await client.auth.test();
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
  });
});

describe('fake Slack configuration', () => {
  it('lets a test tighten a method to N calls a minute per workspace', async () => {
    const fake = await startFakeSlack({
      rateLimits: { 'chat.postMessage': [{ limit: 2, windowMs: 60_000, per: 'workspace' }] },
    });
    const client = clientFor(fake);
    try {
      await client.chat.postMessage({ channel: 'U0A', text: 'a' });
      await client.chat.postMessage({ channel: 'U0B', text: 'b' });
      expect(await outcomeOf(client.chat.postMessage({ channel: 'U0C', text: 'c' }))).toBe(
        'slack_webapi_rate_limited_error',
      );
    } finally {
      await fake.close();
    }
  });

  it('accepts only the tokens of the configured workspaces and answers with their identity', async () => {
    const fake = await startFakeSlack({
      workspaces: [{ token: 'xoxb-acme', teamId: 'T0ACME', botUserId: 'U0ACMEBOT', botId: 'B0ACMEBOT' }],
    });
    try {
      expect((await clientFor(fake, 'xoxb-acme').auth.test()).team_id).toBe('T0ACME');
      expect(await outcomeOf(clientFor(fake, 'xoxb-other').auth.test())).toBe('invalid_auth');
    } finally {
      await fake.close();
    }
  });
});
