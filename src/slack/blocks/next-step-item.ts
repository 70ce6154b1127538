import type { types } from '@slack/bolt';
import { VALUE_REASON_LABELS, type ValueReason } from '../../domain/vocabulary.js';
import { ACTIONS, nextStepBlockId, SNOOZE_CHOICES, type SnoozeChoice } from '../ids.js';
import { clip, escapeMrkdwn, plain } from './text.js';

export interface NextStepItem {
  id: number;
  contactName: string;
  company: string;
  /** Already formatted in the rep's zone. */
  dueLabel: string;
  plan: string;
  valueReason: ValueReason | null;
  agreed: boolean;
}

const SNOOZE_LABELS: Record<SnoozeChoice, string> = {
  '1d': 'Snooze 1 day',
  '1w': 'Snooze 1 week',
  pick: 'Pick a day…',
};

/** Lists show the earliest calls; this says where the rest are. */
export function moreCallsLine(hidden: number): string {
  return `…and ${hidden} more, earliest first: they move up here as you log, reschedule or snooze the calls above.`;
}

export function prospectLabel(contactName: string, company: string): string {
  return company ? `${contactName} (${company})` : contactName;
}

/** One line per call: who, when, and the value reason the rep will bring. */
export function nextStepText(item: NextStepItem, planMax = 600): string {
  const reason = item.valueReason ? ` · _${VALUE_REASON_LABELS[item.valueReason]}_` : '';
  const agreed = item.agreed ? ' · agreed with them' : '';
  return (
    `*${escapeMrkdwn(prospectLabel(item.contactName, item.company))}* · ${item.dueLabel}${reason}${agreed}\n` +
    `>${escapeMrkdwn(clip(item.plan.replaceAll('\n', ' '), planMax))}`
  );
}

/** Log outcome, Reschedule, Mark done and a Snooze overflow; values carry the next step id (see ids.ts). */
export function nextStepActions(nextStepId: number, options: { full: boolean }): types.ActionsBlock {
  const value = String(nextStepId);
  const elements: types.ActionsBlockElement[] = [
    {
      type: 'button',
      text: plain('Log outcome', 75),
      action_id: ACTIONS.logOutcome,
      value,
      style: 'primary',
    },
    { type: 'button', text: plain('Reschedule', 75), action_id: ACTIONS.reschedule, value },
  ];
  if (options.full) {
    elements.push(
      { type: 'button', text: plain('Mark done', 75), action_id: ACTIONS.markDone, value },
      {
        type: 'overflow',
        action_id: ACTIONS.snooze,
        options: SNOOZE_CHOICES.map((choice) => ({
          text: plain(SNOOZE_LABELS[choice], 75),
          value: `${nextStepId}:${choice}`,
        })),
      },
    );
  }
  return { type: 'actions', block_id: nextStepBlockId(nextStepId), elements };
}
