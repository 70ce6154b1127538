import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/database.js';
import { useSlackTestApp } from '../support/slack-test-app.js';
import { logSubmission, logValues } from './log-values.js';

const NOW = new Date('2025-06-02T08:00:00Z');

for (const engine of TEST_ENGINES) {
  describe(`when the database is down [${engine}]`, () => {
    const t = useSlackTestApp({ engine, now: NOW, fakeOptions: { users: [{ id: 'U0REP', tz: 'UTC' }] } });
    beforeAll(async () => {
      await t.handle.close();
    });

    it('keeps the log modal open with a clear message under the plan, and logs the failure', async () => {
      const response = await t.sendInteraction(
        logSubmission(
          'U0REP',
          logValues({
            prospect: 'Dana',
            nextCallAt: new Date(NOW.getTime() + 86_400_000),
            valueReason: 'price_drop',
            plan: 'The X200 price drops 15% on 1 July: show Dana the new quote',
          }),
        ),
      );
      expect(response.status).toBe(200);
      expect(response.json).toEqual({
        response_action: 'errors',
        errors: {
          plan: 'We could not save this just now; everything you typed is still here. Press Submit again in a moment.',
        },
      });
      expect(t.logs.join('\n')).toMatch(/could not save a logged call/);
    });

    it('still opens the log modal from /followup log, without prefill', async () => {
      expect((await t.sendCommand('log Acme')).status).toBe(200);
      await expect
        .poll(() => t.fake.callsTo('views.open').filter((call) => call.ok).length, { timeout: 5000 })
        .toBe(1);
    });
  });
}
