import { listDueCalls } from '../../../usecases/list-due-calls.js';
import { buildDueListMessage, DUE_LIST_ITEMS_PER_SECTION } from '../../blocks/due-list.js';
import { ensureRep } from '../rep.js';
import type { Subcommand } from './subcommand.js';

export const dueSubcommand: Subcommand = {
  name: 'due',
  usage: '/followup due',
  description: 'lists your calls due today and overdue.',
  run: async ({ command, client, respond, dependencies }) => {
    const rep = await ensureRep(dependencies, client, command.team_id, command.user_id);
    const due = await listDueCalls(dependencies.db, {
      workspaceId: command.team_id,
      rep,
      now: dependencies.now(),
      limit: DUE_LIST_ITEMS_PER_SECTION,
    });
    await respond({ response_type: 'ephemeral', ...buildDueListMessage(due) });
  },
};
