import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { loadOwnProspect } from '../../../usecases/log-call.js';
import { readProspectOption, renderMoreAboutThemView } from '../../blocks/log-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS, LOG_BLOCKS } from '../../ids.js';
import { parseLogMetadata } from '../../payloads.js';
import { PREFILL_BUDGET_MS, withinTime } from '../time-budget.js';
import { workspaceOf } from './reply.js';

/**
 * "More about them" in the log modal: pushes the second step over it (views.push, with this press's
 * trigger_id), asking only what is not known yet of the prospect picked in the first view.
 */
export function registerOpenMoreAboutThem(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.openMoreAboutThem, async ({ ack, body, client }) => {
    await ack();
    const { view } = body;
    if (!view) return;
    const picked = view.state.values[LOG_BLOCKS.prospect]?.[LOG_BLOCKS.prospect]?.selected_option?.value;
    const choice = picked ? readProspectOption(picked) : undefined;
    const lookup =
      choice?.kind === 'known'
        ? loadOwnProspect(dependencies.db, {
            workspaceId: workspaceOf(body),
            slackUserId: body.user.id,
            prospectId: choice.prospectId,
          })
        : Promise.resolve(undefined);
    // The trigger_id dies 3 s after the press: without the prospect in time, the step asks everything.
    const prospect = await withinTime(lookup, PREFILL_BUDGET_MS, dependencies.logger).catch(
      (error: unknown) => {
        dependencies.logger.warn('more about them opens without the prospect’s profile', error);
        return undefined;
      },
    );
    await client.views.push({
      trigger_id: body.trigger_id,
      view: renderMoreAboutThemView({
        rootViewId: view.id,
        root: parseLogMetadata(view.private_metadata),
        prospect: prospect ?? null,
      }),
    });
  });
}
