import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openPostgres } from '../../src/db/client.js';
import { deliveries } from '../../src/db/schema.js';
import { runDueCallDms } from '../../src/jobs/due-call-dms.js';
import { addDeal, addPerson, at, freshWorkspace, type JobWorld, startJobWorld } from '../jobs/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const MORNING = at('2026-03-10T09:00:00Z');
const REPS = ['UAMY', 'UBEN', 'UCAL', 'UDEE', 'UEVA', 'UFIN', 'UGUS', 'UHAL'];

async function seedDueCalls(db: DatabaseHandle['db']): Promise<string> {
  const workspaceId = await freshWorkspace(db);
  for (const slackUserId of REPS) {
    const rep = await addPerson(db, { workspaceId, slackUserId, timeZone: 'Europe/London' });
    await addDeal(db, {
      workspaceId,
      ownerId: rep.id,
      contactName: `Prospect of ${slackUserId}`,
      step: { dueAt: at('2026-03-10T15:00:00Z') },
    });
  }
  return workspaceId;
}

const dmsPerRep = (world: JobWorld) => REPS.map((rep) => world.slack.messagesTo(rep).length);

async function waitFor(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe.runIf(process.env.TEST_DATABASE_URL)(
  'the database restarts during a due-call DM run [postgres]',
  () => {
    let world: JobWorld;
    let direct: TestDatabase;
    let proxy: TcpProxy;
    let throughProxy: DatabaseHandle;

    beforeAll(async () => {
      world = await startJobWorld({ rateLimits: { 'chat.postMessage': [] } });
      direct = await createTestDatabase('postgres');
      const url = new URL(direct.url ?? '');
      proxy = await startTcpProxy(Number(url.port || 5432), url.hostname);
      url.port = String(proxy.port);
      throughProxy = await openPostgres(url.toString(), 4);
    });
    afterAll(async () => {
      await throughProxy?.close();
      await proxy?.close();
      await direct?.close();
      await world?.close();
    });

    it('sends every rep exactly one DM once the database is back: no duplicate, no loss', async () => {
      const workspaceId = await seedDueCalls(direct.db);
      world.slack.setLatency(40);
      const run = runDueCallDms(world.deps(throughProxy.db), MORNING).catch(() => undefined);
      await waitFor(() => world.slack.callsTo('chat.postMessage').length >= 2);
      proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, 300));
      proxy.restore();
      await run;
      world.slack.setLatency(0);

      // The next ticks, and one after the claim lease, pick up whatever the outage interrupted.
      await runDueCallDms(world.deps(throughProxy.db), new Date(MORNING.getTime() + 60_000));
      await runDueCallDms(world.deps(throughProxy.db), new Date(MORNING.getTime() + 6 * 60_000));

      expect(dmsPerRep(world)).toEqual(REPS.map(() => 1));
      const rows = await direct.db.select().from(deliveries).where(eq(deliveries.workspaceId, workspaceId));
      expect(rows.map((row) => row.status).sort()).toEqual(REPS.map(() => 'sent'));
    });
  },
);

describe('Slack answers 500s and 429s for a while [pglite]', () => {
  let world: JobWorld;
  let database: TestDatabase;

  beforeAll(async () => {
    world = await startJobWorld({ rateLimits: { 'chat.postMessage': [] } });
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
    await world?.close();
  });

  it('delivers every DM exactly once after the errors stop', async () => {
    await seedDueCalls(database.db);
    world.slack.failNext('chat.postMessage', { status: 500 }, 3);
    world.slack.failNext('chat.postMessage', { ratelimited: 2 }, 3);
    for (let minute = 0; minute < 8; minute++) {
      await runDueCallDms(world.deps(database.db), new Date(MORNING.getTime() + minute * 60_000));
    }
    expect(dmsPerRep(world)).toEqual(REPS.map(() => 1));
    const refused = world.slack.calls.filter((call) => call.method === 'chat.postMessage' && !call.ok);
    expect(refused.length).toBeGreaterThanOrEqual(3);
  });
});
