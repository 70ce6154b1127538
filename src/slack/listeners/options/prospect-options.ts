import type { App } from '@slack/bolt';
import { loadProspectChoices } from '../../../usecases/log-call.js';
import { type KnownProspect, prospectOptions } from '../../blocks/log-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { LOG_BLOCKS } from '../../ids.js';
import { PREFILL_BUDGET_MS, withinTime } from '../time-budget.js';

/**
 * The log modal's "who" typeahead. Slack posts what the rep typed to the options load URL (block_suggestion)
 * and shows the options we answer with; a slow or failing database still answers in time, with the
 * "new prospect" choice alone, rather than leaving the menu empty.
 */
export function registerProspectOptions(app: App, dependencies: SlackDependencies): void {
  app.options<'block_suggestion'>(
    { type: 'block_suggestion', action_id: LOG_BLOCKS.prospect },
    async ({ ack, body }) => {
      const typed = typeof body.value === 'string' ? body.value : '';
      const search = loadProspectChoices(dependencies.db, {
        workspaceId: body.team?.id ?? '',
        slackUserId: body.user.id,
        text: typed,
      });
      const prospects = await withinTime(search, PREFILL_BUDGET_MS, dependencies.logger).catch(
        (error: unknown): KnownProspect[] => {
          dependencies.logger.warn('prospect typeahead answers without the rep’s prospects', error);
          return [];
        },
      );
      await ack({ options: prospectOptions(typed, prospects) });
    },
  );
}
