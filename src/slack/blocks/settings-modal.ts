import type { types } from '@slack/bolt';
import {
  GONE_DARK_AFTER_UNANSWERED,
  MIN_VALUE_TOUCH_PERCENT,
  REMINDER_LEAD_MINUTES,
  STALE_AFTER_DAYS,
  type WorkspaceSettings,
} from '../../domain/settings.js';
import { CALLBACK_IDS, SETTINGS_BLOCKS, SETTINGS_INPUT_ACTION } from '../ids.js';
import { plain } from './text.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const pad = (value: number) => String(value).padStart(2, '0');

function numberInput(
  blockId: string,
  label: string,
  value: number,
  range: { min: number; max: number },
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, 2000),
    element: {
      type: 'number_input',
      action_id: SETTINGS_INPUT_ACTION,
      is_decimal_allowed: false,
      initial_value: String(value),
      min_value: String(range.min),
      max_value: String(range.max),
    },
  };
}

/** The manager's knobs: where and when the digest goes, and the stall thresholds of the method. */
export function renderSettingsModal(settings: WorkspaceSettings): types.ModalView {
  const weekdayOptions = WEEKDAYS.map((day, index) => ({ text: plain(day, 75), value: String(index + 1) }));
  const selected = weekdayOptions.filter((option) => settings.digestWeekdays.includes(Number(option.value)));
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.settings,
    title: plain('Digest settings', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks: [
      {
        type: 'input',
        block_id: SETTINGS_BLOCKS.managerChannel,
        label: plain('Post the manager digest in', 2000),
        element: {
          type: 'conversations_select',
          action_id: SETTINGS_INPUT_ACTION,
          filter: { include: ['public', 'private'], exclude_bot_users: true },
          ...(settings.managerChannelId ? { initial_conversation: settings.managerChannelId } : {}),
        },
      },
      {
        type: 'input',
        block_id: SETTINGS_BLOCKS.digestTime,
        label: plain('At (your local time)', 2000),
        element: {
          type: 'timepicker',
          action_id: SETTINGS_INPUT_ACTION,
          initial_time: `${pad(settings.digestHour)}:${pad(settings.digestMinute)}`,
        },
      },
      {
        type: 'input',
        block_id: SETTINGS_BLOCKS.weekdays,
        label: plain('On', 2000),
        element: {
          type: 'checkboxes',
          action_id: SETTINGS_INPUT_ACTION,
          options: weekdayOptions,
          ...(selected.length > 0 ? { initial_options: selected } : {}),
        },
      },
      numberInput(
        SETTINGS_BLOCKS.staleAfterDays,
        'Stalled after this many days without real contact',
        settings.staleAfterDays,
        STALE_AFTER_DAYS,
      ),
      numberInput(
        SETTINGS_BLOCKS.goneDark,
        'Gone dark after this many unanswered touches in a row',
        settings.goneDarkAfterUnanswered,
        GONE_DARK_AFTER_UNANSWERED,
      ),
      numberInput(
        SETTINGS_BLOCKS.minValuePercent,
        'Value touches should be at least this % (70/30 rule)',
        settings.minValueTouchPercent,
        MIN_VALUE_TOUCH_PERCENT,
      ),
      numberInput(
        SETTINGS_BLOCKS.reminderLead,
        'Remind reps this many minutes before a call',
        settings.reminderLeadMinutes,
        REMINDER_LEAD_MINUTES,
      ),
    ],
  };
}
