import { setTeam } from '../../../usecases/set-team.js';
import { findRequester, MANAGERS_ONLY } from '../rep.js';
import type { Subcommand } from './subcommand.js';

const mentions = (ids: string[]) => ids.map((id) => `<@${id}>`).join(', ');

export const teamSubcommand: Subcommand = {
  name: 'team',
  usage: '/followup team @rep1 @rep2',
  description: 'managers: puts these reps on your team; their stalled deals appear in your digest.',
  run: async ({ mentionedUserIds: slackUserIds, command, client, respond, dependencies }) => {
    if (slackUserIds.length === 0) {
      await respond({
        response_type: 'ephemeral',
        text: 'Mention the reps you manage: /followup team @ana @ben',
      });
      return;
    }
    const requester = await findRequester(dependencies, client, command.team_id, command.user_id);
    const result = await setTeam(dependencies.db, {
      workspaceId: command.team_id,
      requester,
      slackUserIds,
    });
    if (result.kind === 'refused') {
      await respond({ response_type: 'ephemeral', text: MANAGERS_ONLY });
      return;
    }
    const lines = [result.added.length > 0 ? `Your team now includes ${mentions(result.added)}.` : ''];
    if (result.onAnotherTeam.length > 0) {
      lines.push(`${mentions(result.onAnotherTeam)} are on another manager's team and stay there.`);
    }
    if (result.unknown.length > 0) {
      lines.push(`${mentions(result.unknown)} have not used Follow-Up Coach yet; add them once they have.`);
    }
    await respond({ response_type: 'ephemeral', text: lines.filter(Boolean).join(' ') });
  },
};
