import type { MessageMetadata, WebClient } from '@slack/web-api';
import { PERMANENT_SLACK_ERRORS, slackErrorCode } from './post-message.js';

/**
 * Every message the jobs post carries its delivery key as message metadata
 * (https://docs.slack.dev/messaging/message-metadata: an `event_type` and a free-form `event_payload`; posting it
 * needs no scope beyond chat:write). A process killed after Slack took a message but before `sent` was recorded
 * leaves only this behind, so whoever takes the claim over reads it back before sending again.
 */
export const DELIVERY_EVENT_TYPE = 'followup_delivery';

export function deliveryMetadata(deliveryKey: string): MessageMetadata {
  return { event_type: DELIVERY_EVENT_TYPE, event_payload: { delivery_key: deliveryKey } };
}

/**
 * How far back a taken-over claim looks. The takeover comes a lease (a minute) after the crash, and a DM with
 * the app holds little besides the app's own messages, so the latest page holds the lost one if Slack has it.
 */
const HISTORY_PAGE = 100;

export type EarlierDelivery =
  | { kind: 'found'; ts: string }
  | { kind: 'not_found' }
  /** A channel's history needs channels:history or groups:history, which the app does not ask for. */
  | { kind: 'not_checked' }
  | { kind: 'unknown'; error: string; permanent: boolean };

/**
 * Looks in the recent history of the person's DM with the app for a message carrying this delivery key.
 * conversations.history takes a conversation id, not a user id, so conversations.open (im:write) finds the DM's
 * id first; reading the DM needs im:history (https://docs.slack.dev/reference/methods/conversations.history,
 * `include_all_metadata` returns the metadata with each message).
 */
export async function findEarlierDelivery(
  client: WebClient,
  params: { channel: string; deliveryKey: string },
): Promise<EarlierDelivery> {
  if (!/^[UWD]/.test(params.channel)) return { kind: 'not_checked' };
  try {
    const dm = params.channel.startsWith('D')
      ? params.channel
      : (await client.conversations.open({ users: params.channel })).channel?.id;
    if (!dm) return { kind: 'unknown', error: 'no_dm_channel', permanent: false };
    const history = await client.conversations.history({
      channel: dm,
      limit: HISTORY_PAGE,
      include_all_metadata: true,
    });
    const earlier = history.messages?.find(
      (message) =>
        message.metadata?.event_type === DELIVERY_EVENT_TYPE &&
        (message.metadata.event_payload as { delivery_key?: unknown } | undefined)?.delivery_key ===
          params.deliveryKey,
    );
    return earlier?.ts ? { kind: 'found', ts: earlier.ts } : { kind: 'not_found' };
  } catch (error) {
    const code = slackErrorCode(error);
    return { kind: 'unknown', error: code, permanent: PERMANENT_SLACK_ERRORS.has(code) };
  }
}
