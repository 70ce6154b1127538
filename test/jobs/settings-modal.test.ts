import { describe, expect, it } from 'vitest';
import { defaultWorkspaceSettings } from '../../src/domain/settings.js';
import { renderSettingsModal } from '../../src/slack/blocks/settings-modal.js';
import { SETTINGS_BLOCKS } from '../../src/slack/ids.js';
import { parseSettingsForm } from '../../src/slack/listeners/views/settings.js';
import { findBlockKitViolations } from '../support/block-kit-limits.js';

describe('the settings modal', () => {
  it('opens with the workspace defaults inside Block Kit limits', () => {
    const view = renderSettingsModal(defaultWorkspaceSettings('T1'));
    expect(findBlockKitViolations('modal', view)).toEqual([]);
  });

  it('reads back the channel, time, weekdays and thresholds, and flags a missing channel on its field', () => {
    const number = (value: string) => ({ value: { type: 'number_input', value } });
    const values = {
      [SETTINGS_BLOCKS.managerChannel]: {
        value: { type: 'conversations_select', selected_conversation: 'CSALES' },
      },
      [SETTINGS_BLOCKS.digestTime]: { value: { type: 'timepicker', selected_time: '08:45' } },
      [SETTINGS_BLOCKS.weekdays]: {
        value: { type: 'checkboxes', selected_options: [{ value: '5' }, { value: '1' }] },
      },
      [SETTINGS_BLOCKS.staleAfterDays]: number('10'),
      [SETTINGS_BLOCKS.goneDark]: number('4'),
      [SETTINGS_BLOCKS.minValuePercent]: number('70'),
      [SETTINGS_BLOCKS.reminderLead]: number('20'),
    };
    expect(parseSettingsForm(values)).toEqual({
      ok: true,
      value: {
        managerChannelId: 'CSALES',
        digestHour: 8,
        digestMinute: 45,
        digestWeekdays: [1, 5],
        staleAfterDays: 10,
        goneDarkAfterUnanswered: 4,
        minValueTouchPercent: 70,
        reminderLeadMinutes: 20,
      },
    });
    const missing = parseSettingsForm({ ...values, [SETTINGS_BLOCKS.managerChannel]: { value: {} } });
    expect(missing).toEqual({ ok: false, errors: { [SETTINGS_BLOCKS.managerChannel]: 'Check this value.' } });
  });
});
