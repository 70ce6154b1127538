import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHttpFetch, webClientOptions } from '../../src/slack/node-http-fetch.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { quietSlackLogger } from '../support/quiet-slack-logger.js';

describe('the Web API client over kept-alive node:http connections', () => {
  let fake: FakeSlack;
  let odd: Server;
  let oddUrl: string;

  beforeAll(async () => {
    fake = await startFakeSlack();
    // A server that misbehaves the ways Slack's edge might: a redirect, and an answer that never comes.
    odd = createServer((request, response) => {
      if (request.url === '/moved') {
        response.writeHead(302, { location: 'https://elsewhere.example/' }).end();
      }
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    oddUrl = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    odd.closeAllConnections();
    await new Promise((resolve) => odd.close(resolve));
    await fake.close();
  });

  it('sends and reads Web API calls as the default transport does', async () => {
    const client = new WebClient('xoxb-test', {
      ...webClientOptions(fake.url),
      logger: quietSlackLogger,
    });
    const posted = await client.chat.postMessage({ channel: 'U0REP', text: 'Saved: call Dana on Tuesday' });
    expect(posted.ok).toBe(true);
    expect(fake.messagesTo('U0REP').map((message) => message.text)).toEqual(['Saved: call Dana on Tuesday']);
  });

  it('hands a rate limit and its Retry-After to the client, which reports it', async () => {
    fake.failNext('chat.postMessage', { ratelimited: 1 });
    const client = new WebClient('xoxb-test', {
      ...webClientOptions(fake.url),
      rejectRateLimitedCalls: true,
      logger: quietSlackLogger,
    });
    await expect(client.chat.postMessage({ channel: 'U0REP', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: expect.any(Number),
    });
  });

  it('refuses to follow a redirect, as the client asks', async () => {
    const fetch = createNodeHttpFetch();
    await expect(
      fetch(`${oddUrl}/moved`, { method: 'POST', body: 'a=1', redirect: 'error' }),
    ).rejects.toThrow(/redirect/);
  });

  it('gives up when the timeout signal fires on an answer that never comes', async () => {
    const fetch = createNodeHttpFetch();
    await expect(
      fetch(`${oddUrl}/silent`, { method: 'POST', body: 'a=1', signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
  });
});
