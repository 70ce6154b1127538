import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Column, type GetColumnData, is, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import * as schema from './schema.js';

/** One handle type for both engines; a transaction handle is one too, so queries take either. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseEngine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  engine: DatabaseEngine;
  /** Resolves when the database answers a trivial query; rejects otherwise (used by /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Arbitrary constant shared by every instance so only one of them migrates at a time. */
const MIGRATION_LOCK_KEY = 724_001_337;

export class DatabaseLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already open by another process (pid ${pid}). ` +
        'Stop that process first, or set DATABASE_URL so several instances share a PostgreSQL server.',
    );
    this.name = 'DatabaseLockedError';
  }
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for PostgreSQL; each app instance holds at most this many connections. */
  maxConnections?: number;
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database in `dataDir`; migrates either. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : openPglite(options.dataDir);
}

export async function openPostgres(databaseUrl: string, maxConnections = 10): Promise<DatabaseHandle> {
  await migratePostgresUnderLock(databaseUrl);
  const client = postgres(databaseUrl, { max: maxConnections, onnotice: () => {} });
  const db: Database = drizzlePostgres({ client: withPreparedStatements(client), schema });
  return {
    db,
    engine: 'postgres',
    ping: async () => {
      await client`select 1`;
    },
    close: async () => {
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * Drizzle runs every query through `unsafe(query, params, { prepare: false })` (drizzle-orm#6096), and
 * postgres.js sends an unprepared query with parameters as two round trips: describe, then execute. With the
 * statement prepared once per connection, each later run is a single round trip, which halves the database
 * time of every request. The statements are the code's (a list of n values is one more text per n), and
 * postgres.js retires each connection within an hour (`max_lifetime`), which bounds what both sides cache.
 */
function withPreparedStatements(client: Sql): Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, params?: unknown[], options?: object) =>
          target.unsafe(query, params as never, { ...options, prepare: true });
      }
      // A transaction or savepoint hands its callback a client of its own: it must prepare too.
      if (property === 'begin' || property === 'savepoint') {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const callback = args.pop() as (scoped: Sql) => unknown;
          return open.call(target, ...args, (scoped: Sql) => callback(withPreparedStatements(scoped)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * Drizzle's migrator takes no lock, so instances starting together would race. A session advisory lock only
 * works on one connection, hence the dedicated single-connection client.
 */
export async function migratePostgresUnderLock(databaseUrl: string): Promise<void> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const releaseLock = lockDataDir(folder);
  try {
    const client = new PGlite(folder);
    await client.waitReady;
    const db: Database = drizzlePglite({ client, schema });
    await migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db,
      engine: 'pglite',
      ping: async () => {
        await client.query('select 1');
      },
      close: async () => {
        try {
          await client.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * Two processes opening one PGlite folder both succeed and silently lose writes, so the folder gets a lock
 * file holding the owner's pid. A lock left by a process that no longer exists is taken over.
 */
function lockDataDir(folder: string): () => void {
  const lockPath = join(folder, 'followup.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const descriptor = openSync(lockPath, 'wx');
      writeSync(descriptor, String(process.pid));
      closeSync(descriptor);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const ownerPid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(ownerPid) && ownerPid > 0 && isProcessAlive(ownerPid)) {
        throw new DatabaseLockedError(folder, ownerPid);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database folder ${folder}`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads one value of a raw SQL row into its TypeScript type. */
export type ReadValue<T> = (value: unknown, name: string) => T;

/**
 * How to read each value of a raw SQL row, by its name in the select list: a schema column (its type, and its
 * mapping from what the driver returns) or a `ReadValue` for a computed value.
 */
export type RowShape = Record<string, Column | ReadValue<unknown>>;

/** The row a shape reads: a column's type as drizzle infers it for a select (null when it is nullable). */
export type RowOf<Shape extends RowShape> = {
  [Key in keyof Shape]: Shape[Key] extends Column
    ? GetColumnData<Shape[Key]>
    : Shape[Key] extends ReadValue<infer Value>
      ? Value
      : never;
};

/**
 * Raw SQL results differ per driver: an array on postgres.js, `{ rows }` on PGlite; a bigint is a string on
 * postgres.js, a timestamp is text on both (drizzle turns the drivers' own parsing off). Through a shape, each
 * value is read by its schema column's own mapping (as drizzle's query builder does) or by the reader given,
 * so a row has one type on both engines.
 */
export async function selectRows<Shape extends RowShape>(
  db: Database,
  query: SQL,
  shape: Shape,
): Promise<RowOf<Shape>[]> {
  const result: unknown = await db.execute(query);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];
  const readers = Object.entries(shape).map(
    ([name, how]) => [name, is(how, Column) ? readColumn(how) : how] as const,
  );
  return rows.map((row) => {
    const typed: Record<string, unknown> = {};
    for (const [name, reader] of readers) typed[name] = reader(row[name], name);
    return typed as RowOf<Shape>;
  });
}

/** A not-null column that comes back null was read through an outer join: say so rather than lie in its type. */
function readColumn(column: Column): ReadValue<unknown> {
  return (value, name) => {
    if (value != null) return column.mapFromDriverValue(value);
    if (column.notNull)
      throw new Error(`${name} is null: a column read through an outer join is read.nullable`);
    return null;
  };
}

/** Readers for the values of a raw row that a schema column alone does not describe. */
export const read = {
  /** A column read through an outer join, where even a not-null column is null when nothing matched. */
  nullable:
    <C extends Column>(column: C): ReadValue<C['_']['data'] | null> =>
    (value) =>
      value == null ? null : (column.mapFromDriverValue(value) as C['_']['data']),
  /** A count or sum: a bigint (text on postgres.js) or an int, as a number; 0 when nothing was counted. */
  count: ((value) => (value == null ? 0 : Number(value))) as ReadValue<number>,
  /** Text the query builds, such as an aggregate; null when there was nothing to build it from. */
  text: ((value) => (value == null ? null : String(value))) as ReadValue<string | null>,
  /**
   * A value the query builds as JSON (`json_agg`, `json_build_object`), parsed when the driver left it as
   * text. `T` says what the SQL builds; write it in schema types (`typeof table.$inferSelect`).
   */
  json:
    <T>(): ReadValue<T | null> =>
    (value) =>
      value == null ? null : ((typeof value === 'string' ? JSON.parse(value) : value) as T),
};
