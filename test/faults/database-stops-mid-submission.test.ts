import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openPostgres } from '../../src/db/client.js';
import { interactions, nextSteps } from '../../src/db/schema.js';
import { TAKING_TOO_LONG } from '../../src/slack/listeners/time-budget.js';
import { SAVE_FAILED } from '../../src/slack/listeners/views/log-interaction.js';
import { logSubmission, logValues } from '../slack/log-values.js';
import { eventually, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const NOW = new Date('2026-03-02T09:00:00Z');
const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)('the database stops in the middle of a modal submission [postgres]', () => {
  let proxy: TcpProxy;
  let appDatabase: DatabaseHandle;

  const t = useSlackTestApp({
    engine: 'postgres',
    now: NOW,
    fakeOptions: { users: [{ id: 'U0REP', tz: 'Europe/London' }], rateLimits: { 'chat.postMessage': [] } },
    // The app reaches the server through a proxy the test can cut; the test itself reads the server directly.
    appDatabase: async (handle) => {
      const direct = new URL(handle.url ?? '');
      proxy = await startTcpProxy(Number(direct.port || 5432), direct.hostname);
      direct.port = String(proxy.port);
      appDatabase = await openPostgres(direct.toString(), 3);
      return appDatabase.db;
    },
  });
  afterAll(async () => {
    await appDatabase?.close();
    await proxy?.close();
  });

  const submitGoodPlan = () =>
    t.sendInteraction(
      logSubmission(
        'U0REP',
        logValues({
          prospect: 'Dana Fox',
          company: 'Fabrikam',
          outcome: 'connected',
          nextCallAt: new Date(NOW.getTime() + 2 * 86_400_000),
          agreed: true,
          valueReason: 'warranty_expiring',
          plan: 'Their R740 warranty ends 14 March: walk Dana through the renewal quote and the upgrade price',
        }),
        { id: 'V0OUTAGE' },
      ),
    );

  const storedFor = async () => ({
    interactions: await t.db
      .select()
      .from(interactions)
      .where(eq(interactions.sourceKey, 'slack-view:V0OUTAGE')),
    nextSteps: await t.db.select().from(nextSteps).where(eq(nextSteps.workspaceId, TEST_TEAM)),
  });

  it('gives the rep a clear error under the plan and leaves nothing half-written', async () => {
    // The connection drops as the statement storing the call (interaction, next step, review) goes out.
    const cut = proxy.cutWhenClientSends('insert into next_steps');
    const response = await submitGoodPlan();
    await cut;
    expect(response.status).toBe(200);
    // Which of the two the rep reads depends on how soon the retry gives up; both keep the modal and its text.
    expect(response.json).toEqual({
      response_action: 'errors',
      errors: { plan: expect.toBeOneOf([SAVE_FAILED, TAKING_TOO_LONG]) },
    });
    expect(await storedFor()).toEqual({ interactions: [], nextSteps: [] });
  });

  it('stores the same submission exactly once when the rep presses Submit again after the database is back', async () => {
    proxy.restore();
    const retried = await submitGoodPlan();
    expect(retried.status).toBe(200);
    expect(retried.body).toBe('');
    const stored = await storedFor();
    expect(stored.interactions).toHaveLength(1);
    expect(stored.nextSteps).toHaveLength(1);
    expect(stored.nextSteps[0]?.plan).toMatch(/R740 warranty/);
  });

  it('answers from what was committed when the connection drops after the save went through', async () => {
    // The call is stored by one statement; postgres.js prepares it once per connection, so on fresh connections
    // its text goes out again, and the server's answer to it is what gets lost.
    proxy.cut();
    proxy.restore();
    const dropped = proxy.dropAnswerTo('insert into next_steps');
    const response = await t.sendInteraction(
      logSubmission(
        'U0REP',
        logValues({
          prospect: 'Ravi Shah',
          company: 'Contoso',
          outcome: 'connected',
          nextCallAt: new Date(NOW.getTime() + 3 * 86_400_000),
          agreed: true,
          valueReason: 'price_drop',
          plan: 'The X200 price drops 15% on 1 April: show Ravi the new quote for 40 seats',
        }),
        { id: 'V0BLIP' },
      ),
    );
    await dropped;

    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    const stored = await t.db
      .select()
      .from(interactions)
      .where(eq(interactions.sourceKey, 'slack-view:V0BLIP'));
    expect(stored).toHaveLength(1);
    const confirmation = await eventually(() => {
      const message = t.fake.messagesTo('U0REP').find((sent) => /Ravi Shah/.test(String(sent.text)));
      expect(message).toBeDefined();
      return message;
    });
    expect(confirmation?.text).toMatch(/^Saved: Ravi Shah/);
  });
});
