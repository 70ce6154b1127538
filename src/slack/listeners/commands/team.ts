import { setTeam } from '../../../usecases/set-team.js';
import { ensureRep } from '../rep.js';
import type { Subcommand } from './subcommand.js';

export const teamSubcommand: Subcommand = {
  name: 'team',
  usage: '/followup team @rep1 @rep2',
  description: 'makes you the manager of these reps: their stalled deals appear in your digest.',
  run: async ({ mentionedUserIds: slackUserIds, command, client, respond, dependencies }) => {
    if (slackUserIds.length === 0) {
      await respond({
        response_type: 'ephemeral',
        text: 'Mention the reps you manage: /followup team @ana @ben',
      });
      return;
    }
    const manager = await ensureRep(dependencies, client, command.team_id, command.user_id);
    const { added, unknown } = await setTeam(dependencies.db, {
      workspaceId: command.team_id,
      manager,
      slackUserIds,
    });
    const lines = [
      added.length > 0 ? `Your team now includes ${added.map((id) => `<@${id}>`).join(', ')}.` : '',
    ];
    if (unknown.length > 0) {
      lines.push(
        `${unknown.map((id) => `<@${id}>`).join(', ')} have not used Follow-Up Coach yet; add them once they have.`,
      );
    }
    await respond({ response_type: 'ephemeral', text: lines.filter(Boolean).join(' ') });
  },
};
