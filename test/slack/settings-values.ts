import { SETTINGS_BLOCKS } from '../../src/slack/ids.js';

/** The settings modal's state as Slack submits it, with the digest channel chosen. */
export const settingsValues = (channel: string) => ({
  [SETTINGS_BLOCKS.managerChannel]: {
    value: { type: 'conversations_select', selected_conversation: channel },
  },
  [SETTINGS_BLOCKS.digestTime]: { value: { type: 'timepicker', selected_time: '08:15' } },
  [SETTINGS_BLOCKS.weekdays]: { value: { type: 'checkboxes', selected_options: [{ value: '1' }] } },
  [SETTINGS_BLOCKS.staleAfterDays]: { value: { type: 'number_input', value: '10' } },
  [SETTINGS_BLOCKS.goneDark]: { value: { type: 'number_input', value: '2' } },
  [SETTINGS_BLOCKS.minValuePercent]: { value: { type: 'number_input', value: '60' } },
  [SETTINGS_BLOCKS.reminderLead]: { value: { type: 'number_input', value: '20' } },
});
