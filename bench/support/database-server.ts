import postgres from 'postgres';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/test';

/** The PostgreSQL server the benchmarks use, if one answers; the PGlite figures need none. */
export async function findDatabaseServer(): Promise<string | undefined> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER;
  const client = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await client`select 1`;
    return url;
  } catch {
    return undefined;
  } finally {
    await client.end({ timeout: 1 });
  }
}
