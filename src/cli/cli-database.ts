import { z } from 'zod';
import { type DatabaseHandle, openDatabase } from '../db/client.js';

export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const databaseEnvSchema = z.object({
  DATABASE_URL: optional,
  DATA_DIR: optional.transform((value) => value ?? './.data'),
});

/**
 * Opens the app's database (DATABASE_URL, or the embedded one in DATA_DIR) for one command and closes it after.
 * Returns the command's exit code: 1 when the database cannot be opened or the work throws, 2 on a bad variable.
 */
export async function withCliDatabase(
  io: CommandIo,
  failure: string,
  work: (handle: DatabaseHandle) => Promise<number>,
): Promise<number> {
  const env = databaseEnvSchema.safeParse(io.env);
  if (!env.success) {
    io.stderr.write('DATABASE_URL or DATA_DIR is not valid.\n');
    return 2;
  }
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ databaseUrl: env.data.DATABASE_URL, dataDir: env.data.DATA_DIR });
  } catch (error) {
    io.stderr.write(`Could not open the database: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    return await work(handle);
  } catch (error) {
    io.stderr.write(`${failure}: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await handle.close();
  }
}
