import { DateTime } from 'luxon';
import type { SlackMessage } from './confirmation.js';
import { briefContext, briefText } from './due-call-dm.js';
import { itemOf } from './due-list.js';
import { nextStepActions, nextStepText } from './next-step-item.js';
import { escapeMrkdwn, mrkdwnSection } from './text.js';
import type { CallReminderModel } from './view-models.js';

/** One short nudge before the call: who, when, the brief, and the buttons. */
export function renderCallReminder(reminder: CallReminderModel, now: Date): SlackMessage {
  const { row, brief } = reminder;
  const zone = row.owner.timeZone;
  const minutes = Math.max(1, Math.round((row.step.dueAt.getTime() - now.getTime()) / 60_000));
  const at = DateTime.fromJSDate(row.step.dueAt, { zone }).toFormat('HH:mm');
  // The fallback text is read as mrkdwn too (notifications, screen readers): a name is escaped like in blocks.
  const text = `In ${minutes} min (${at}): your call with ${escapeMrkdwn(row.prospect.contactName)}.`;
  const notes = briefContext(brief);
  return {
    text,
    blocks: [
      mrkdwnSection(
        `:alarm_clock: *In ${minutes} min:* ${nextStepText(itemOf(row, zone), 500)}\n${briefText(brief)}`,
      ),
      ...(notes ? [notes] : []),
      nextStepActions(row.step.id, { full: false }),
    ],
  };
}
