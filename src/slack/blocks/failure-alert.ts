import type { SlackMessage } from './confirmation.js';
import { escapeMrkdwn, mrkdwnSection } from './text.js';

const KIND_LABELS: Record<string, string> = {
  due_dm: 'the due-call DM',
  call_reminder: 'a call reminder',
  digest: 'the manager digest',
};

/** Told once per recipient and error, so a deleted user does not produce an alert every minute. */
export function renderFailureAlert(params: {
  kind: string;
  recipientId: string;
  error: string;
}): SlackMessage {
  const what = KIND_LABELS[params.kind] ?? params.kind;
  const who = /^[UW]/.test(params.recipientId) ? `<@${params.recipientId}>` : `<#${params.recipientId}>`;
  const text = `Follow-Up Coach could not deliver ${what} to ${who}: ${escapeMrkdwn(params.error)}. It will not retry this.`;
  return {
    text,
    blocks: [
      mrkdwnSection(
        `:warning: ${text}\nCheck that the person is still in the workspace and the channel exists; ` +
          '`followup jobs status` lists every failure.',
      ),
    ],
  };
}
