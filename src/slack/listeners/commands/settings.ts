import { loadSettings } from '../../../usecases/load-settings.js';
import { mayManage } from '../../../usecases/managers.js';
import { renderSettingsModal } from '../../blocks/settings-modal.js';
import { findRequester, MANAGERS_ONLY } from '../rep.js';
import { PREFILL_BUDGET_MS, withinTime } from '../time-budget.js';
import type { Subcommand } from './subcommand.js';

export const settingsSubcommand: Subcommand = {
  name: 'settings',
  usage: '/followup settings',
  description: 'managers: sets the manager channel, digest time and days, and the stall thresholds.',
  run: async ({ command, client, respond, dependencies }) => {
    // Both reads are quick, and must be: the trigger_id dies 3 s after the command.
    const [requester, settings] = await withinTime(
      Promise.all([
        findRequester(dependencies, client, command.team_id, command.user_id),
        loadSettings(dependencies.db, { workspaceId: command.team_id }),
      ]),
      PREFILL_BUDGET_MS,
      dependencies.logger,
    );
    if (!mayManage(requester)) {
      await respond({ response_type: 'ephemeral', text: MANAGERS_ONLY });
      return;
    }
    await client.views.open({ trigger_id: command.trigger_id, view: renderSettingsModal(settings) });
  },
};
