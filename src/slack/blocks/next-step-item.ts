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

/**
 * In the morning DM a call is due today or overdue, so snoozing it (from the later of its day and today) moves it
 * to tomorrow or to the same time next week; any other day is Reschedule's.
 */
const DUE_SNOOZE_LABELS: Partial<Record<SnoozeChoice, string>> = { '1d': 'Tomorrow', '1w': 'Next week' };

/**
 * Which buttons a call carries: `basic` (Home tab, reminder) logs the outcome or reschedules; `all` (confirmation,
 * `/followup due`) adds Done and a Snooze menu. `due` (the morning DM) is for a rep reading every button of several
 * calls before the first: log the outcome (which also settles the call, as Done would), reschedule, or snooze to
 * tomorrow or next week.
 */
export type NextStepActionSet = 'basic' | 'all' | 'due';

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

/** Log outcome and Reschedule, then Done and a Snooze overflow as `set` says; values carry the next step id (ids.ts). */
export function nextStepActions(nextStepId: number, set: NextStepActionSet): types.ActionsBlock {
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
  if (set === 'all')
    elements.push({ type: 'button', text: plain('Done', 75), action_id: ACTIONS.markDone, value });
  if (set !== 'basic') {
    const labels = set === 'due' ? DUE_SNOOZE_LABELS : SNOOZE_LABELS;
    elements.push({
      type: 'overflow',
      action_id: ACTIONS.snooze,
      options: SNOOZE_CHOICES.flatMap((choice) => {
        const label = labels[choice];
        return label ? [{ text: plain(label, 75), value: `${nextStepId}:${choice}` }] : [];
      }),
    });
  }
  return { type: 'actions', block_id: nextStepBlockId(nextStepId), elements };
}
