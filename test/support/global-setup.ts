import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migratePostgresUnderLock, openPglite } from '../../src/db/client.js';
import { databaseUrlFor } from './database-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    postgresTemplateName: string | null;
  }
}

/**
 * Migrates one template per engine once per run; each test file then copies it, which is far cheaper than
 * migrating (PGlite) or replaying the migrations (PostgreSQL) for every file.
 */
export default async function setup(project: TestProject) {
  const pgliteTemplateDir = mkdtempSync(join(tmpdir(), 'followup-template-'));
  const pglite = await openPglite(pgliteTemplateDir);
  await pglite.close();
  project.provide('pgliteTemplateDir', pgliteTemplateDir);

  const serverUrl = process.env.TEST_DATABASE_URL;
  let postgresTemplateName: string | null = null;
  if (serverUrl) {
    postgresTemplateName = `followup_run_${process.pid}_${Date.now()}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${postgresTemplateName}"`);
    await admin.end();
    await migratePostgresUnderLock(databaseUrlFor(serverUrl, postgresTemplateName));
  }
  project.provide('postgresTemplateName', postgresTemplateName);

  return async () => {
    rmSync(pgliteTemplateDir, { recursive: true, force: true });
    if (serverUrl && postgresTemplateName) {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where starts_with(datname, ${postgresTemplateName})`;
      for (const { datname } of leftovers) {
        await admin.unsafe(`drop database if exists "${datname}" with (force)`);
      }
      await admin.end();
    }
  };
}
