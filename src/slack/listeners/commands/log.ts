import { type LogPrefill, loadLogPrefill } from '../../../usecases/log-call.js';
import { renderLogModal } from '../../blocks/log-modal.js';
import { ensureRep } from '../rep.js';
import { PREFILL_BUDGET_MS, withinTime } from '../time-budget.js';
import type { Subcommand } from './subcommand.js';

export const logSubcommand: Subcommand = {
  name: 'log',
  usage: '/followup log [prospect]',
  description: 'logs a call and plans the next one with a reason worth the prospect’s time.',
  run: async ({ args, command, client, dependencies }) => {
    const { db, logger } = dependencies;
    // One indexed read only, and not for long: the trigger_id dies 3 s after the command.
    const lookup = loadLogPrefill(db, {
      workspaceId: command.team_id,
      slackUserId: command.user_id,
      text: args,
      now: dependencies.now(),
    });
    const { repKnown, ...prefill } = await withinTime(lookup, PREFILL_BUDGET_MS, logger).catch(
      (error: unknown): LogPrefill => {
        logger.warn('log modal opens without prefill', error);
        // Without the lookup the typed name is not offered as new: the typeahead finds the existing one.
        return { prospect: null, typedName: '', nextCallAt: null, repKnown: false };
      },
    );
    await client.views.open({
      trigger_id: command.trigger_id,
      view: renderLogModal({ ...prefill, summary: '', fromHome: false }),
    });
    // The prefill read a known rep already; only first contact (or a lookup out of time) needs more.
    if (!repKnown) await ensureRep(dependencies, client, command.team_id, command.user_id);
  },
};
