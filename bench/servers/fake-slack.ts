// The fake Slack Web API in a process of its own, so a benchmark's app talks to it over loopback as to Slack.
// Rate limits are off unless FAKE_SLACK_RATE_LIMITS (JSON RateLimits) sets them: interactive benchmarks
// measure our handlers, not Slack's quotas.
import { createServer } from 'node:http';
import { type RateLimits, startFakeSlack } from '../../test/support/fake-slack.js';

const unlimited: RateLimits = Object.fromEntries(
  [
    'chat.postMessage',
    'chat.postEphemeral',
    'chat.update',
    'conversations.open',
    'views.open',
    'views.update',
    'views.publish',
    'users.info',
    'files.getUploadURLExternal',
    'files.completeUploadExternal',
  ].map((method) => [method, []]),
);
const rateLimits = process.env.FAKE_SLACK_RATE_LIMITS
  ? (JSON.parse(process.env.FAKE_SLACK_RATE_LIMITS) as RateLimits)
  : unlimited;
const fake = await startFakeSlack({ rateLimits, acceptAnyTriggerId: true });

// A tiny front door on PORT: /url answers the fake's base URL, /stats how many calls it recorded.
createServer((request, response) => {
  if (request.url === '/url') response.end(fake.url);
  else
    response.end(
      JSON.stringify({ calls: fake.calls.length, refused: fake.calls.filter((call) => !call.ok).length }),
    );
}).listen(Number(process.env.PORT), '127.0.0.1');
