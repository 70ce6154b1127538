import { nameManagers } from '../../../usecases/managers.js';
import { mentions, nameMentionedPeople } from './name-people.js';
import type { Subcommand } from './subcommand.js';

export const managerSubcommand: Subcommand = {
  name: 'manager',
  usage: '/followup manager @name',
  description:
    'workspace admins and managers: makes these people managers, who can set up a digest and a team.',
  run: async (request) => {
    const result = await nameMentionedPeople(
      request,
      'Mention the new managers: /followup manager @ana',
      (requester, slackUserIds) =>
        nameManagers(request.dependencies.db, {
          workspaceId: request.command.team_id,
          requester,
          slackUserIds,
        }),
    );
    if (!result) return;
    const lines = [result.named.length > 0 ? `${mentions(result.named)} can now manage a team.` : ''];
    if (result.unknown.length > 0) {
      lines.push(`${mentions(result.unknown)} have not used Follow-Up Coach yet; name them once they have.`);
    }
    await request.respond({ response_type: 'ephemeral', text: lines.filter(Boolean).join(' ') });
  },
};
