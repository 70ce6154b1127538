import { setTeam } from '../../../usecases/set-team.js';
import { mentions, nameMentionedPeople } from './name-people.js';
import type { Subcommand } from './subcommand.js';

export const teamSubcommand: Subcommand = {
  name: 'team',
  usage: '/followup team @rep1 @rep2',
  description: 'managers: puts these reps on your team; their stalled deals appear in your digest.',
  run: async (request) => {
    const result = await nameMentionedPeople(
      request,
      'Mention the reps you manage: /followup team @ana @ben',
      (requester, slackUserIds) =>
        setTeam(request.dependencies.db, { workspaceId: request.command.team_id, requester, slackUserIds }),
    );
    if (!result) return;
    const lines = [result.added.length > 0 ? `Your team now includes ${mentions(result.added)}.` : ''];
    if (result.onAnotherTeam.length > 0) {
      lines.push(`${mentions(result.onAnotherTeam)} are on another manager's team and stay there.`);
    }
    if (result.unknown.length > 0) {
      lines.push(`${mentions(result.unknown)} have not used Follow-Up Coach yet; add them once they have.`);
    }
    await request.respond({ response_type: 'ephemeral', text: lines.filter(Boolean).join(' ') });
  },
};
