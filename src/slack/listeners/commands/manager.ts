import { nameManagers } from '../../../usecases/managers.js';
import { findRequester, MANAGERS_ONLY } from '../rep.js';
import type { Subcommand } from './subcommand.js';

const mentions = (ids: string[]) => ids.map((id) => `<@${id}>`).join(', ');

export const managerSubcommand: Subcommand = {
  name: 'manager',
  usage: '/followup manager @name',
  description:
    'workspace admins and managers: makes these people managers, who can set up a digest and a team.',
  run: async ({ mentionedUserIds: slackUserIds, command, client, respond, dependencies }) => {
    if (slackUserIds.length === 0) {
      await respond({ response_type: 'ephemeral', text: 'Mention the new managers: /followup manager @ana' });
      return;
    }
    const requester = await findRequester(dependencies, client, command.team_id, command.user_id);
    const result = await nameManagers(dependencies.db, {
      workspaceId: command.team_id,
      requester,
      slackUserIds,
    });
    if (result.kind === 'refused') {
      await respond({ response_type: 'ephemeral', text: MANAGERS_ONLY });
      return;
    }
    const lines = [result.named.length > 0 ? `${mentions(result.named)} can now manage a team.` : ''];
    if (result.unknown.length > 0) {
      lines.push(`${mentions(result.unknown)} have not used Follow-Up Coach yet; name them once they have.`);
    }
    await respond({ response_type: 'ephemeral', text: lines.filter(Boolean).join(' ') });
  },
};
