import type { BlockAction, Logger, types } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { settleCallInMessage } from '../blocks/call-item.js';
import type { PressedMessage } from '../blocks/view-models.js';

/** The message a button was pressed in, when it is one the app can rewrite (not Home, not ephemeral). */
export function pressedMessageOf(body: BlockAction): PressedMessage | undefined {
  const container = body.container as {
    type?: string;
    channel_id?: string;
    message_ts?: string;
    is_ephemeral?: boolean;
  };
  if (
    container?.type !== 'message' ||
    container.is_ephemeral ||
    !container.channel_id ||
    !container.message_ts
  )
    return undefined;
  return { channel: container.channel_id, ts: container.message_ts };
}

interface MessageContent {
  text?: string;
  blocks?: types.KnownBlock[];
}

/**
 * Rewrites a message (chat.update, by channel and ts) so one call shows what happened instead of buttons that
 * no longer apply. False when the message does not hold that call's buttons or Slack refused.
 */
export async function settleMessage(
  client: WebClient,
  message: PressedMessage,
  content: MessageContent | undefined,
  change: { nextStepId: number; outcome: string; next?: types.Button },
): Promise<boolean> {
  const blocks = settleCallInMessage(content?.blocks ?? [], change.nextStepId, change.outcome, change.next);
  if (!blocks) return false;
  try {
    await client.chat.update({
      channel: message.channel,
      ts: message.ts,
      text: content?.text ?? change.outcome,
      blocks,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * After a modal opened from a message is saved: a view submission does not carry that message, so it is read
 * back first. Only a DM can be read (im:history; the app asks for no channel history), and a single message is
 * conversations.history with `latest` at its ts, `inclusive` and `limit` 1
 * (https://docs.slack.dev/reference/methods/conversations.history, "Retrieving a single message"). The save has
 * already succeeded, so a failure here is logged and the answer is false (the caller replies instead).
 */
export async function settleMessageAfterSave(
  client: WebClient,
  logger: Logger,
  message: PressedMessage,
  change: { nextStepId: number; outcome: string },
): Promise<boolean> {
  if (!message.channel.startsWith('D')) return false;
  try {
    const history = await client.conversations.history({
      channel: message.channel,
      latest: message.ts,
      inclusive: true,
      limit: 1,
    });
    const found = history.messages?.find((candidate) => candidate.ts === message.ts);
    if (!found) return false;
    const settled = await settleMessage(client, message, found as MessageContent, change);
    if (!settled) logger.warn('the message a modal was opened from was left as it was');
    return settled;
  } catch (error) {
    logger.warn('could not read back the message a modal was opened from', error);
    return false;
  }
}
