import { callTextBlockId } from '../ids.js';
import { callHeadline, reasonLine } from './call-item.js';
import type { SlackMessage } from './confirmation.js';
import { itemOf } from './due-list.js';
import { nextStepActions } from './next-step-item.js';
import { escapeMrkdwn, mrkdwnSection } from './text.js';
import type { CallReminderModel } from './view-models.js';

/** Two lines before the call (in how long, who and when; the reason and plan) and the buttons. */
export function renderCallReminder(reminder: CallReminderModel, now: Date): SlackMessage {
  const { row, brief } = reminder;
  const minutes = Math.max(1, Math.round((row.step.dueAt.getTime() - now.getTime()) / 60_000));
  const item = itemOf(row, row.owner.timeZone);
  // The fallback text is read as mrkdwn too (notifications, screen readers): a name is escaped like in blocks.
  const text = `In ${minutes} min: your call with ${escapeMrkdwn(row.prospect.contactName)}, ${item.dueLabel}.`;
  const block = mrkdwnSection(
    `:alarm_clock: *In ${minutes} min:* ${callHeadline(item)}\n${reasonLine(row.step.plan, brief)}`,
  );
  return {
    text,
    blocks: [{ ...block, block_id: callTextBlockId(row.step.id) }, nextStepActions(row.step.id, 'basic')],
  };
}
