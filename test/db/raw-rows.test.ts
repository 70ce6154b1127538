import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { read, selectRows } from '../../src/db/client.js';
import { interactions, people, prospects, workspaces } from '../../src/db/schema.js';
import { describeOnEachEngine } from '../support/database.js';

describeOnEachEngine('raw SQL rows read through the schema', ({ db }) => {
  it('comes back with one type on both engines: ids as numbers, times as dates, JSON parsed', async () => {
    await db().insert(workspaces).values({ id: 'T_RAW' });
    const [rep] = await db()
      .insert(people)
      .values({ workspaceId: 'T_RAW', slackUserId: 'U_RAW', timeZone: 'Asia/Kolkata' })
      .returning();
    const pausedUntil = new Date('2026-12-24T18:30:00.250Z');
    const [prospect] = await db()
      .insert(prospects)
      .values({
        workspaceId: 'T_RAW',
        ownerId: rep?.id ?? 0,
        contactName: 'Pat Lee',
        nameKey: 'pat lee|',
        pausedUntil,
      })
      .returning();
    await db()
      .insert(interactions)
      .values({
        workspaceId: 'T_RAW',
        prospectId: prospect?.id ?? 0,
        repId: rep?.id ?? 0,
        occurredAt: pausedUntil,
        outcome: 'voicemail',
      });

    const rows = await selectRows(
      db(),
      sql`select pr.id, pr.paused_until, pr.revisit_at, pr.contact_name, pr.status,
        (select count(*) from interactions i where i.prospect_id = pr.id) as touches,
        (select json_agg(json_build_object('outcome', i.outcome)) from interactions i
          where i.prospect_id = pr.id) as outcomes,
        step.id as step_id
      from prospects pr left join next_steps step on step.prospect_id = pr.id
      where pr.workspace_id = 'T_RAW'`,
      {
        id: prospects.id,
        paused_until: prospects.pausedUntil,
        revisit_at: prospects.revisitAt,
        contact_name: prospects.contactName,
        status: prospects.status,
        touches: read.count,
        outcomes: read.json<Pick<typeof interactions.$inferSelect, 'outcome'>[]>(),
        step_id: read.nullable(prospects.id),
      },
    );
    expect(rows).toEqual([
      {
        id: prospect?.id,
        paused_until: pausedUntil,
        revisit_at: null,
        contact_name: 'Pat Lee',
        status: 'active',
        touches: 1,
        outcomes: [{ outcome: 'voicemail' }],
        step_id: null,
      },
    ]);
    expect(typeof rows[0]?.id).toBe('number');
  });

  it('names a not-null column that an outer join left empty instead of typing null as a value', async () => {
    await expect(
      selectRows(db(), sql`select p.id from (select 1) one left join prospects p on false`, {
        id: prospects.id,
      }),
    ).rejects.toThrow(/id is null: a column read through an outer join is read\.nullable/);
  });
});
