import type { SlackMessage } from './confirmation.js';
import { escapeMrkdwn, mrkdwnSection } from './text.js';

const KIND_LABELS: Record<string, string> = {
  due_dm: 'the due-call DM',
  call_reminder: 'a call reminder',
  digest: 'the manager digest',
};

const PERSON_HINT = 'Check that the person is still in the workspace.';
/** The bot posts in a private channel only once invited; an archived one takes no messages. */
const CHANNEL_HINT =
  'If the channel is private, invite the app there (/invite @Follow-Up Coach); if it is archived, choose another in /followup settings.';

/** Told once per recipient and error, so a deleted user does not produce an alert every minute. */
export function renderFailureAlert(params: {
  kind: string;
  recipientId: string;
  error: string;
}): SlackMessage {
  const what = KIND_LABELS[params.kind] ?? params.kind;
  const isPerson = /^[UW]/.test(params.recipientId);
  const who = isPerson ? `<@${params.recipientId}>` : `<#${params.recipientId}>`;
  const text = `Follow-Up Coach could not deliver ${what} to ${who}: ${escapeMrkdwn(params.error)}. It will not retry this.`;
  return {
    text,
    blocks: [
      mrkdwnSection(
        `:warning: ${text}\n${isPerson ? PERSON_HINT : CHANNEL_HINT} \`followup jobs status\` lists every failure.`,
      ),
    ],
  };
}
