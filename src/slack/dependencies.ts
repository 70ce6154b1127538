import type { Logger } from '@slack/bolt';
import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { Database } from '../db/client.js';

/** A message to one channel or, by user id, to the app's DM with that person. */
export type OutgoingMessage = ChatPostMessageArguments & { channel: string };

/** What became of a message: Slack has it (with its ts), or Slack's error and whether trying again could help. */
export type PostResult = { ok: true; ts: string | null } | { ok: false; error: string; permanent: boolean };

/**
 * Posts through the app's chat.postMessage pacer, which waits out a 429 for that method alone, so a rate-limited
 * confirmation never holds up a modal. Slack's refusals are logged and returned, never thrown.
 */
export type SendMessage = (
  client: WebClient,
  workspaceId: string,
  message: OutgoingMessage,
) => Promise<PostResult>;

/** What listeners need from the outside world; tests pass a fixed clock and a test database. */
export interface SlackDependencies {
  db: Database;
  now: () => Date;
  logger: Logger;
  sendMessage: SendMessage;
}
