import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, MIGRATIONS_FOLDER } from '../../src/db/client.js';
import {
  claimDelivery,
  type DeliveryKey,
  deliveryKeyText,
  listCallsDueForReminder,
} from '../../src/db/queries/deliveries.js';
import * as schema from '../../src/db/schema.js';
import { TEST_ENGINES } from '../support/database.js';
import { databaseUrlFor } from '../support/database-url.js';

/** The migrations a database deployed before the key parts became columns had run. */
function migrationsBeforeKeyColumns(): string {
  const folder = mkdtempSync(join(tmpdir(), 'followup-migrations-'));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const cut = journal.entries.findIndex((entry) => entry.tag.endsWith('_delivery_key_columns'));
  const entries = journal.entries.slice(0, cut);
  mkdirSync(join(folder, 'meta'));
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) cpSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), join(folder, `${tag}.sql`));
  return folder;
}

interface Engine {
  db: Database;
  migrateTo(folder: string): Promise<void>;
  close(): Promise<void>;
}

async function openEmpty(engine: (typeof TEST_ENGINES)[number]): Promise<Engine> {
  if (engine === 'pglite') {
    const client = new PGlite();
    return {
      db: drizzlePglite({ client, schema }),
      migrateTo: (folder) => migratePglite(drizzlePglite({ client }), { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const serverUrl = process.env.TEST_DATABASE_URL as string;
  const name = `followup_keys_${process.pid}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const client = postgres(databaseUrlFor(serverUrl, name), { max: 1, onnotice: () => {} });
  return {
    db: drizzlePostgres({ client, schema }),
    migrateTo: (folder) => migratePostgres(drizzlePostgres({ client }), { migrationsFolder: folder }),
    close: async () => {
      await client.end();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

const oldFolder = migrationsBeforeKeyColumns();
afterAll(() => rmSync(oldFolder, { recursive: true, force: true }));

for (const engine of TEST_ENGINES) {
  describe(`a deployed database's deliveries, through the key-columns migration [${engine}]`, () => {
    it('keeps every sent message taken under its new key, spelled for metadata as it was', async () => {
      const database = await openEmpty(engine);
      try {
        await database.migrateTo(oldFolder);
        const { db } = database;
        await db.execute(sql`insert into workspaces (id) values ('T_OLD')`);
        await db.execute(sql`insert into people (workspace_id, slack_user_id) values ('T_OLD', 'U_REP')`);
        await db.execute(sql`insert into prospects (workspace_id, owner_id, contact_name, company, name_key)
          select 'T_OLD', id, 'Ann', 'Beta', 'ann|beta' from people`);
        await db.execute(sql`insert into next_steps (workspace_id, prospect_id, owner_id, due_at, plan)
          select 'T_OLD', id, owner_id, '2026-11-23T15:00:00.000Z', 'Walk through the quote' from prospects`);
        const [step] = await db.select({ id: schema.nextSteps.id }).from(schema.nextSteps);
        // A second call at the same time, never reminded: the control.
        await db.execute(sql`insert into next_steps (workspace_id, prospect_id, owner_id, due_at, plan)
          select 'T_OLD', id, owner_id, '2026-11-23T15:00:00.000Z', 'Bring the pilot numbers' from prospects`);
        const stepId = step?.id ?? Number.NaN;
        const oldKeys = [
          ['due_dm', 'due_dm:U_REP:2026-11-23', 'U_REP', '2026-11-23'],
          ['digest', 'digest:U_MGR:2026-11-23', 'C_MGR', '2026-11-23'],
          ['call_reminder', `call_reminder:${stepId}:2026-11-23T15:00:00.000Z`, 'U_REP', '2026-11-23'],
          ['failure_alert', 'failure_alert:C_MGR:An API error occurred: invalid_auth', 'U_MGR', null],
        ] as const;
        for (const [kind, key, recipient, day] of oldKeys) {
          await db.execute(sql`insert into deliveries (workspace_id, kind, dedupe_key, recipient_id, local_day, status)
            values ('T_OLD', ${kind}, ${key}, ${recipient}, ${day}, 'sent')`);
        }

        await database.migrateTo(MIGRATIONS_FOLDER);

        const rows = await db.select().from(schema.deliveries).orderBy(schema.deliveries.id);
        expect(rows.map(deliveryKeyText)).toEqual(oldKeys.map(([, key]) => key));
        const keys: DeliveryKey[] = [
          { kind: 'due_dm', subject: 'U_REP', localDay: '2026-11-23' },
          { kind: 'digest', subject: 'U_MGR', localDay: '2026-11-23' },
          { kind: 'call_reminder', nextStepId: stepId, dueAt: new Date('2026-11-23T15:00:00Z') },
          { kind: 'failure_alert', subject: 'C_MGR', reportedError: 'An API error occurred: invalid_auth' },
        ];
        for (const key of keys) {
          const claim = { workspaceId: 'T_OLD', key, recipientId: 'U_REP', instanceId: 'i-new' };
          expect(
            await claimDelivery(db, { ...claim, now: new Date('2026-11-23T14:55:00Z') }),
          ).toBeUndefined();
        }
        // The reminder sent before the migration is not due again; the other call's is.
        const due = await listCallsDueForReminder(db, { now: new Date('2026-11-23T14:55:00Z') });
        expect(due.map((call) => call.nextStepId)).toEqual([stepId + 1]);
      } finally {
        await database.close();
      }
    });
  });
}
