import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webClientOptions } from '../src/slack/node-http-fetch.js';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.js';

const APP = { clientId: '1111.2222', clientSecret: 'fake-client-secret', appId: 'A0APP' };
const TEAM = { teamId: 'T0ONE', name: 'One', botUserId: 'U0ONEBOT', botId: 'B0ONEBOT' };
const AUTHORIZE = (fake: FakeSlack, extra = '') =>
  `${new URL('../oauth/v2/authorize', fake.url)}?scope=commands,chat:write&client_id=${APP.clientId}&state=s1${extra}`;
const REDIRECT = 'https://app.example/slack/oauth_redirect';

describe('the fake Slack’s OAuth install, as oauth.v2.access documents it', () => {
  let now = Date.parse('2026-04-01T12:00:00Z');
  let fake: FakeSlack;
  let anonymous: WebClient;
  beforeAll(async () => {
    fake = await startFakeSlack({ clock: () => now, oauth: APP, workspaces: [TEAM] });
    anonymous = new WebClient(undefined, { ...webClientOptions(fake.url), retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await fake?.close();
  });

  const codeOf = (location: string) => new URL(location).searchParams.get('code') ?? '';
  const exchange = (args: Record<string, string>) =>
    anonymous.oauth.v2
      .access({ client_id: APP.clientId, client_secret: APP.clientSecret, ...args } as never)
      .then(
        (response) => response,
        (error: { data: { error: string } }) => error.data,
      );

  it('sends the browser back with a code and the state, and exchanges the code once for a working bot token', async () => {
    const location = fake.approveInstall(AUTHORIZE(fake), {
      teamId: TEAM.teamId,
      userId: 'U0ME',
      redirectUrl: REDIRECT,
    });
    expect(location.startsWith(`${REDIRECT}?`)).toBe(true);
    expect(new URL(location).searchParams.get('state')).toBe('s1');
    const granted = await exchange({ code: codeOf(location) });
    expect(granted).toMatchObject({
      ok: true,
      token_type: 'bot',
      scope: 'commands,chat:write',
      bot_user_id: TEAM.botUserId,
      app_id: APP.appId,
      team: { id: TEAM.teamId, name: 'One' },
      authed_user: { id: 'U0ME' },
      is_enterprise_install: false,
    });
    const bot = new WebClient(
      String((granted as { access_token?: string }).access_token),
      webClientOptions(fake.url),
    );
    expect(await bot.auth.test()).toMatchObject({ team_id: TEAM.teamId, user_id: TEAM.botUserId });
    expect(await exchange({ code: codeOf(location) })).toMatchObject({ ok: false, error: 'invalid_code' });
  });

  it('answers invalid_client_id, bad_client_secret, an expired code and a redirect_uri that does not match', async () => {
    const location = fake.approveInstall(AUTHORIZE(fake), {
      teamId: TEAM.teamId,
      userId: 'U0ME',
      redirectUrl: REDIRECT,
    });
    expect(await exchange({ code: codeOf(location), client_id: '9.9' })).toMatchObject({
      error: 'invalid_client_id',
    });
    expect(await exchange({ code: codeOf(location), client_secret: 'guess' })).toMatchObject({
      error: 'bad_client_secret',
    });
    expect(await exchange({ code: codeOf(location), redirect_uri: REDIRECT })).toMatchObject({
      error: 'bad_redirect_uri',
    });
    now += 11 * 60 * 1000;
    expect(await exchange({ code: codeOf(location) })).toMatchObject({ error: 'invalid_code' });
  });

  it('revokes the token when the app is uninstalled', async () => {
    const token = fake.tokenOf(TEAM.teamId);
    fake.uninstall(TEAM.teamId);
    const bot = new WebClient(token, { ...webClientOptions(fake.url), retryConfig: { retries: 0 } });
    await expect(bot.auth.test()).rejects.toMatchObject({ data: { error: 'token_revoked' } });
    expect(fake.tokenOf(TEAM.teamId)).toBeUndefined();
  });
});
