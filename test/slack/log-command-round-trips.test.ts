import type { Query } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/db/schema.js';
import { TEST_ENGINES } from '../support/database.js';
import { eventually, type SlackTestApp, startSlackTestApp } from '../support/slack-test-app.js';

const NOW = new Date('2025-06-02T08:00:00Z');

/**
 * Between a `/followup log` and its modal every database round trip counts against the trigger_id's 3 s, and
 * under load each one costs more CPU than the SQL it carries: the statements a command sends are counted here.
 */
for (const engine of TEST_ENGINES) {
  describe(`the database work of a /followup log command [${engine}]`, () => {
    let t: SlackTestApp;
    const statements: string[] = [];
    const handled: string[] = [];

    beforeAll(async () => {
      t = await startSlackTestApp({
        engine,
        now: NOW,
        fakeOptions: { users: [{ id: 'U0REP', tz: 'Europe/Berlin' }] },
      });
      // Every query of either driver is prepared through the session: counting there counts round trips.
      const session = t.db._.session;
      const prepare = session.prepareQuery.bind(session);
      session.prepareQuery = ((query: Query, ...rest: unknown[]) => {
        statements.push(query.sql);
        return (prepare as (...args: unknown[]) => unknown)(query, ...rest);
      }) as typeof session.prepareQuery;
      // A global middleware's next() returns once the listeners are done, work after the ack included.
      t.app.use(async ({ next, body }) => {
        await next();
        handled.push(String((body as { trigger_id?: unknown }).trigger_id));
      });
    });
    afterAll(async () => {
      await t?.stop();
    });

    async function statementsOfCommand(text: string): Promise<string[]> {
      statements.length = 0;
      const before = handled.length;
      expect((await t.sendCommand(text)).status).toBe(200);
      await eventually(() => expect(handled).toHaveLength(before + 1));
      return [...statements];
    }

    it('stores a first-time rep, then serves a known rep with the door’s insert and one read', async () => {
      const first = await statementsOfCommand('log');
      expect(first[0]).toMatch(/^insert into "?seen_requests/);
      expect(await t.db.select().from(people)).toHaveLength(1);

      const known = await statementsOfCommand('log Acme');
      expect(known).toHaveLength(2);
      expect(known[0]).toMatch(/^insert into "?seen_requests/);
      expect(known[1]).toMatch(/^\s*select .* from "?people"?\s/s);
      expect(t.fake.callsTo('views.open').filter((call) => call.ok)).toHaveLength(2);
    });
  });
}
