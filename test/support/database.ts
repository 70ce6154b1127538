import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import {
  type Database,
  type DatabaseEngine,
  type DatabaseHandle,
  openPglite,
  openPostgres,
} from '../../src/db/client.js';
import { databaseUrlFor } from './database-url.js';

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set (CI sets it). */
export const TEST_ENGINES: DatabaseEngine[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestDatabase extends DatabaseHandle {
  /** The PostgreSQL URL of this database (postgres engine only), for tests that start another process. */
  url: string | undefined;
  /** The PGlite data folder (pglite engine only). */
  dataDir: string | undefined;
}

/** A fresh, migrated database of its own, copied from the run's template. */
export async function createTestDatabase(engine: DatabaseEngine): Promise<TestDatabase> {
  return engine === 'postgres' ? createPostgresTestDatabase() : createPgliteTestDatabase();
}

async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'followup-test-'));
  cpSync(inject('pgliteTemplateDir'), dataDir, { recursive: true });
  const handle = await openPglite(dataDir);
  return {
    ...handle,
    url: undefined,
    dataDir,
    close: async () => {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const templateName = inject('postgresTemplateName');
  if (!serverUrl || !templateName) throw new Error('TEST_DATABASE_URL is not set for this run');
  const name = `${templateName}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${templateName}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(serverUrl, name);
  const handle = await openPostgres(url, 5);
  return {
    ...handle,
    url,
    dataDir: undefined,
    close: async () => {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * Runs the same suite once per engine, each on a fresh database; test names carry the engine in brackets,
 * which is how CI proves the server tests ran.
 */
export function describeOnEachEngine(
  name: string,
  suite: (context: { db: () => Database; engine: DatabaseEngine; handle: () => TestDatabase }) => void,
): void {
  for (const engine of TEST_ENGINES) {
    describe(`${name} [${engine}]`, () => {
      let handle: TestDatabase | undefined;
      beforeAll(async () => {
        handle = await createTestDatabase(engine);
      });
      afterAll(async () => {
        await handle?.close();
      });
      const current = () => {
        if (!handle) throw new Error('the test database is not open yet');
        return handle;
      };
      suite({ db: () => current().db, engine, handle: current });
    });
  }
}
