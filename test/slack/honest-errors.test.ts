import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { people, prospects } from '../../src/db/schema.js';
import { PLAN_MAX_LENGTH } from '../../src/domain/coach/index.js';
import { PRESS_FAILED } from '../../src/slack/listeners/actions/reply.js';
import { blockActionsPayload } from '../support/signed-requests.js';
import { eventually, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';
import { logSubmission, logValues } from './log-values.js';

const NOW = new Date('2025-06-02T08:00:00Z');
const NEXT_WEEK = new Date('2025-06-09T08:00:00Z');

describe('honest answers to odd input and a database that is away [pglite]', () => {
  let views = 0;

  const t = useSlackTestApp({
    engine: 'pglite',
    now: NOW,
    fakeOptions: { users: [{ id: 'U0REP', tz: 'UTC' }], rateLimits: { 'chat.postMessage': [] } },
  });

  const submit = (fields: Parameters<typeof logValues>[0]) =>
    t.sendInteraction(logSubmission('U0REP', logValues(fields), { id: `V0HONEST${++views}` }));

  const goodPlan = 'The X200 price drops 15% on 1 July: show Dana the new quote for 40 seats';

  it('saves a log with NUL characters pasted into it, without them', async () => {
    const response = await submit({
      prospect: 'Dana\u0000 Fox',
      company: 'Fabri\u0000kam',
      nextCallAt: NEXT_WEEK,
      valueReason: 'price_drop',
      plan: `${goodPlan}\u0000`,
    });

    expect(response.body).toBe('');
    const [dana] = await t.db.select().from(prospects).where(eq(prospects.contactName, 'Dana Fox'));
    expect(dana?.company).toBe('Fabrikam');
  });

  it('says the limit in words under a field that is too long', async () => {
    const response = await submit({
      prospect: 'Dana Fox',
      nextCallAt: NEXT_WEEK,
      valueReason: 'price_drop',
      plan: goodPlan.padEnd(PLAN_MAX_LENGTH + 1, '.'),
    });

    expect(response.json).toEqual({
      response_action: 'errors',
      errors: { plan: 'This can be at most 2,000 characters; it has 2,001. Shorten it and submit again.' },
    });
  });

  it('answers /healthz with 503 while the database does not answer, instead of waiting for it', async () => {
    // PGlite runs one statement at a time: a transaction held open stalls every other query, the health check's too.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding = () => {};
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const stall = t.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      holding();
      await gate;
    });
    await held;
    try {
      const response = await fetch(new URL('/healthz', t.baseUrl));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ok: false, error: 'database_unavailable' });
    } finally {
      release();
      await stall;
    }
    expect((await fetch(new URL('/healthz', t.baseUrl))).status).toBe(200);
  });

  it('answers a button pressed while the database is down', async () => {
    const [rep] = await t.db.select().from(people).where(eq(people.slackUserId, 'U0REP'));
    expect(rep).toBeDefined();
    await t.handle.close();
    const before = t.responses.length;

    const response = await t.sendInteraction(
      blockActionsPayload({
        user: 'U0REP',
        team: TEST_TEAM,
        actions: [{ action_id: 'mark_done', block_id: 'next_step', type: 'button', value: '1' }],
        message: { channel: 'D0REP', ts: '1748851200.000100' },
      }),
    );

    expect(response.status).toBe(200);
    const reply = await eventually(() => {
      expect(t.responses.length).toBe(before + 1);
      return t.responses.at(-1)?.body;
    });
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: PRESS_FAILED });
    expect((await fetch(new URL('/healthz', t.baseUrl))).status).toBe(503);
  });
});
