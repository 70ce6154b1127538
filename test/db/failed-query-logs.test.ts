import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prospects } from '../../src/db/schema.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/database.js';

/** What a rep typed into the log modal, which must never reach the log. */
const TYPED = { contactName: 'Dana Secretname', company: 'Hushco', hotButton: 'her divorce' };

for (const engine of TEST_ENGINES) {
  describe(`a failed query in the logs [${engine}]`, () => {
    let handle: TestDatabase;
    beforeAll(async () => {
      handle = await createTestDatabase(engine);
    });
    afterAll(async () => {
      await handle?.close();
    });

    async function failedInsert(): Promise<unknown> {
      // No such workspace: the foreign key refuses the row, with the rep's values among the parameters.
      return handle.db
        .insert(prospects)
        .values({ workspaceId: 'T0NOWHERE', ownerId: 1, nameKey: 'dana', ...TYPED })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
    }

    it('names the statement and the error code, and none of the values a rep typed', async () => {
      const error = await failedInsert();
      expect(error).toBeInstanceOf(Error);
      const lines: string[] = [];
      createLogger('debug', (line) => lines.push(line)).error('could not save a logged call', error);

      const [line] = lines;
      expect(JSON.parse(line ?? '{}').message).toBe(
        'could not save a logged call failed query insert prospects (23503)',
      );
      for (const value of Object.values(TYPED)) expect(line).not.toContain(value);
    });

    it('keeps the values out when the error arrives as text, as Bolt interpolates it', async () => {
      const error = await failedInsert();
      const lines: string[] = [];
      createLogger('debug', (line) => lines.push(line)).debug(`Error details: ${String(error)}`);

      expect(lines[0]).toContain('failed query insert prospects');
      for (const value of Object.values(TYPED)) expect(lines[0]).not.toContain(value);
    });
  });
}
