import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { DatabaseLockedError, migratePostgresUnderLock, openPglite } from '../../src/db/client.js';
import { databaseUrlFor } from '../support/database-url.js';

const serverUrl = process.env.TEST_DATABASE_URL;
/** A child process starting tsx and PGlite on a busy machine: a deadline for a hang, not a speed. */
const CHILD_DEADLINE_MS = 120_000;

describe.runIf(serverUrl)('several instances starting at once [postgres]', () => {
  it('lets three concurrent migrators all succeed on an empty database', async () => {
    if (!serverUrl) return;
    const name = `followup_lock_${process.pid}_${Date.now()}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    try {
      const url = databaseUrlFor(serverUrl, name);
      await Promise.all([
        migratePostgresUnderLock(url),
        migratePostgresUnderLock(url),
        migratePostgresUnderLock(url),
      ]);
      const check = postgres(url, { max: 1, onnotice: () => {} });
      const [{ count }] = (await check`select count(*)::int as count from drizzle.__drizzle_migrations`) as [
        { count: number },
      ];
      await check.end();
      expect(count).toBeGreaterThan(0);
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});

describe('the embedded database folder [pglite]', () => {
  it('refuses a second process that opens the same folder, with a message that says what to do', {
    timeout: 2 * CHILD_DEADLINE_MS,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'followup-lock-'));
    const handle = await openPglite(dataDir);
    try {
      const second = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import('./src/db/client.ts').then((m) => m.openPglite(${JSON.stringify(dataDir)}))`,
        ],
        { encoding: 'utf8', timeout: CHILD_DEADLINE_MS },
      );
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain('already open by another process');
      expect(second.stderr).toContain('DATABASE_URL');
    } finally {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('takes over a lock left by a process that has exited', { timeout: 2 * CHILD_DEADLINE_MS }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'followup-lock-'));
    const crashed = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./src/db/client.ts').then((m) => m.openPglite(${JSON.stringify(dataDir)})).then(() => process.exit(0))`,
      ],
      { encoding: 'utf8', timeout: CHILD_DEADLINE_MS },
    );
    expect(crashed.status).toBe(0);
    const handle = await openPglite(dataDir);
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second open within the same process too', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'followup-lock-'));
    const handle = await openPglite(dataDir);
    await expect(openPglite(dataDir)).rejects.toBeInstanceOf(DatabaseLockedError);
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
