import type { types } from '@slack/bolt';
import { CALLBACK_IDS, RESCHEDULE_BLOCKS } from '../ids.js';
import { prospectLabel } from './next-step-item.js';
import { escapeMrkdwn, mrkdwnSection, plain } from './text.js';
import type { PressedMessage } from './view-models.js';

export interface NextStepMetadata {
  nextStepId: number;
  fromHome?: true;
  /** The message the modal was opened from, settled once the change is saved. */
  message?: PressedMessage;
}

interface Target {
  nextStepId: number;
  contactName: string;
  company: string;
  dueLabel: string;
  /** Opened from a Home tab button: that Home is republished after the change, as Slack does not refresh it. */
  fromHome: boolean;
  message?: PressedMessage | undefined;
}

function metadataOf(target: Target): string {
  const metadata: NextStepMetadata = {
    nextStepId: target.nextStepId,
    ...(target.fromHome ? { fromHome: true } : {}),
    ...(target.message ? { message: target.message } : {}),
  };
  return JSON.stringify(metadata);
}

/** The box starts unticked: a new time is agreed with the prospect only when the rep ticks it again. */
export function renderRescheduleModal(target: Target & { dueAt: Date }): types.ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.reschedule,
    title: plain('Reschedule call', 24),
    submit: plain('Move call', 24),
    close: plain('Cancel', 24),
    private_metadata: metadataOf(target),
    blocks: [
      mrkdwnSection(
        `*${escapeMrkdwn(prospectLabel(target.contactName, target.company))}*, now ${target.dueLabel}`,
      ),
      {
        type: 'input',
        block_id: RESCHEDULE_BLOCKS.dueAt,
        label: plain('New time', 2000),
        element: {
          type: 'datetimepicker',
          action_id: RESCHEDULE_BLOCKS.dueAt,
          initial_date_time: Math.floor(target.dueAt.getTime() / 1000),
        },
      },
      {
        type: 'input',
        block_id: RESCHEDULE_BLOCKS.agreed,
        optional: true,
        label: plain('Agreed?', 2000),
        hint: plain('Tick it again only if they agreed to the new time.', 2000),
        element: {
          type: 'checkboxes',
          action_id: RESCHEDULE_BLOCKS.agreed,
          options: [{ text: plain('They agreed to talk at this time', 75), value: 'agreed' }],
        },
      },
    ],
  };
}

export function renderSnoozePickDateModal(target: Target & { dueDay: string }): types.ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.snoozePickDate,
    title: plain('Snooze call', 24),
    submit: plain('Snooze', 24),
    close: plain('Cancel', 24),
    private_metadata: metadataOf(target),
    blocks: [
      mrkdwnSection(
        `*${escapeMrkdwn(prospectLabel(target.contactName, target.company))}*, now ${target.dueLabel}. ` +
          'The call keeps its time of day.',
      ),
      {
        type: 'input',
        block_id: RESCHEDULE_BLOCKS.date,
        label: plain('Move to', 2000),
        element: { type: 'datepicker', action_id: RESCHEDULE_BLOCKS.date, initial_date: target.dueDay },
      },
    ],
  };
}
