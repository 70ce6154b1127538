import { loadDigestNow } from '../../../usecases/load-digest-now.js';
import { renderDigestMessage } from '../../blocks/digest.js';
import { ensureRep } from '../rep.js';
import type { Subcommand } from './subcommand.js';

export const digestSubcommand: Subcommand = {
  name: 'digest',
  usage: '/followup digest',
  description: 'posts your team’s stalled-deal digest now (managers).',
  run: async ({ command, client, respond, dependencies }) => {
    const person = await ensureRep(dependencies, client, command.team_id, command.user_id);
    const result = await loadDigestNow(dependencies.db, {
      workspaceId: command.team_id,
      person,
      now: dependencies.now(),
    });
    if (result.kind === 'not_manager') {
      await respond({
        response_type: 'ephemeral',
        text: 'The digest is for managers. A manager sets it up with /followup settings and /followup team @rep.',
      });
      return;
    }
    const message = renderDigestMessage(result.digest);
    if (!result.channel) {
      await respond({ response_type: 'ephemeral', ...message });
      return;
    }
    const posted = await dependencies.sendMessage(client, command.team_id, {
      channel: result.channel,
      ...message,
    });
    await respond({
      response_type: 'ephemeral',
      text: posted.ok
        ? `Posted the digest in <#${result.channel}>.`
        : `Slack did not take the digest for <#${result.channel}> (${posted.error}).`,
    });
  },
};
