import type { Logger } from '@slack/bolt';
import type { Database } from '../db/client.js';

/** What listeners need from the outside world; tests pass a fixed clock and a test database. */
export interface SlackDependencies {
  db: Database;
  now: () => Date;
  logger: Logger;
}
