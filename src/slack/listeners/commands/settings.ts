import { loadSettings } from '../../../usecases/load-settings.js';
import { renderSettingsModal } from '../../blocks/settings-modal.js';
import type { Subcommand } from './subcommand.js';

export const settingsSubcommand: Subcommand = {
  name: 'settings',
  usage: '/followup settings',
  description: 'sets the manager channel, digest time and days, and the stall thresholds.',
  run: async ({ command, client, dependencies }) => {
    const settings = await loadSettings(dependencies.db, { workspaceId: command.team_id });
    await client.views.open({ trigger_id: command.trigger_id, view: renderSettingsModal(settings) });
  },
};
