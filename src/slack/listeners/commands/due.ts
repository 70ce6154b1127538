import { loadDueCalls, loadTeamDueCalls } from '../../../usecases/load-due-calls.js';
import { DUE_LIST_ITEMS_PER_SECTION, renderDueListMessage } from '../../blocks/due-list.js';
import { ensureRep } from '../rep.js';
import type { Subcommand } from './subcommand.js';

export const NO_TEAM_YET =
  'You manage nobody yet. /followup team @rep1 @rep2 makes you their manager; then /followup due team lists their calls.';

export const dueSubcommand: Subcommand = {
  name: 'due',
  usage: '/followup due [team]',
  description: 'lists your calls due today and overdue; with `team`, those of the reps you manage.',
  run: async ({ args, command, client, respond, dependencies }) => {
    const rep = await ensureRep(dependencies, client, command.team_id, command.user_id);
    const request = {
      workspaceId: command.team_id,
      now: dependencies.now(),
      limit: DUE_LIST_ITEMS_PER_SECTION,
    };
    if (args.trim().toLowerCase() === 'team') {
      const due = await loadTeamDueCalls(dependencies.db, { ...request, manager: rep });
      await respond(
        due
          ? { response_type: 'ephemeral', ...renderDueListMessage(due, { team: true }) }
          : { response_type: 'ephemeral', text: NO_TEAM_YET },
      );
      return;
    }
    const due = await loadDueCalls(dependencies.db, { ...request, rep });
    await respond({ response_type: 'ephemeral', ...renderDueListMessage(due) });
  },
};
