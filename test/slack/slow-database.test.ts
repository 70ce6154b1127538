import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { interactions, people, prospects } from '../../src/db/schema.js';
import { TAKING_TOO_LONG } from '../../src/slack/listeners/time-budget.js';
import { ensurePerson } from '../../src/usecases/ensure-person.js';
import { TEST_ENGINES } from '../support/database.js';
import { eventually, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';
import { logSubmission, logValues } from './log-values.js';

const NOW = new Date('2025-06-02T08:00:00Z');

for (const engine of TEST_ENGINES) {
  describe(`when the database hangs [${engine}]`, () => {
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: { users: [{ id: 'U0REP', tz: 'UTC' }], rateLimits: { 'chat.postMessage': [] } },
    });
    beforeAll(async () => {
      // Known to the app, so the tests below measure the database alone.
      await ensurePerson(t.db, {
        workspaceId: TEST_TEAM,
        slackUserId: 'U0REP',
        lookUpProfile: async () => ({ timeZone: 'UTC' }),
      });
    });

    /** Holds locks the app's queries wait on until `release` is called: a database that answers nothing. */
    async function hangDatabase(): Promise<() => Promise<void>> {
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const held = t.db.transaction(async (tx) => {
        await tx.execute(sql`lock table ${people}, ${prospects}, ${interactions} in access exclusive mode`);
        locked();
        await gate;
      });
      await isLocked;
      return async () => {
        release();
        await held;
      };
    }

    const submit = () =>
      t.sendInteraction(
        logSubmission(
          'U0REP',
          logValues({
            prospect: 'Dana',
            nextCallAt: new Date(NOW.getTime() + 86_400_000),
            valueReason: 'price_drop',
            plan: 'The X200 price drops 15% on 1 July: show Dana the new quote',
          }),
          { id: 'V0SLOW' },
        ),
      );

    it('answers in time with the modal kept open, and stores the call once when the rep submits again', async () => {
      const release = await hangDatabase();
      // The answer arrives while the database still holds its locks: the handler stopped waiting at its budget.
      // How soon it answers is measured in the interactive benchmark, not here.
      const slow = await submit();
      await release();
      expect(slow.status).toBe(200);
      expect(slow.json).toEqual({ response_action: 'errors', errors: { plan: TAKING_TOO_LONG } });

      // The save carried on once the database answered again, and the rep is told it went through.
      const [late] = await eventually(() => {
        const messages = t.fake.messagesTo('U0REP');
        expect(messages).toHaveLength(1);
        return messages;
      });
      expect(late?.text).toMatch(/^Saved: Dana/);
      const again = await submit();
      expect(again.body).toBe('');
      const confirmation = await eventually(() => {
        const messages = t.fake.messagesTo('U0REP');
        expect(messages).toHaveLength(2);
        return messages[1];
      });
      expect(confirmation?.text).toMatch(/^Already saved, nothing stored twice: Dana/);
      const stored = await t.db
        .select()
        .from(interactions)
        .where(eq(interactions.sourceKey, 'slack-view:V0SLOW'));
      expect(stored).toHaveLength(1);
      expect(t.logs.join('\n')).not.toMatch(/failed later/);
    });

    it('still opens the log modal from /followup log before its trigger expires, without prefill', async () => {
      const release = await hangDatabase();
      try {
        const opened = t.fake.callsTo('views.open').length;
        await t.sendCommand('log Dana');
        const open = await eventually(() => {
          const calls = t.fake.callsTo('views.open');
          expect(calls).toHaveLength(opened + 1);
          return calls.at(-1);
        });
        expect(open?.ok).toBe(true);
        const metadata = (open?.args.view as { private_metadata?: string } | undefined)?.private_metadata;
        expect(JSON.parse(metadata ?? '{}')).toMatchObject({ prospect: null, nextCallAt: null });
      } finally {
        await release();
      }
    });

    it('sent Slack only messages and views that pass Block Kit’s limits', () => {
      expect(t.fake.calls.length).toBeGreaterThan(0);
      expect(t.blockKitRejections()).toEqual([]);
    });
  });
}
