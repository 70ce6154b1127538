import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { loadNextStepForActor } from '../../../usecases/change-next-step.js';
import { loadProspectForActor } from '../../../usecases/log-call.js';
import { itemOf } from '../../blocks/due-list.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseIdValue } from '../../payloads.js';
import { pressedMessageOf } from '../settle-message.js';
import { openLogModal } from './log-new-call.js';
import { describeChange, NOT_YOURS, onPress } from './reply.js';

/** "Log outcome" on a next step: the log modal, prefilled with that step's prospect and showing its plan. */
export function registerLogOutcome(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.logOutcome,
    onPress(
      dependencies,
      (action: ButtonAction) => parseIdValue(action.value),
      async ({ workspaceId, actor, target: nextStepId, body, client, reply }) => {
        const access = await loadNextStepForActor(dependencies.db, { workspaceId, actor, nextStepId });
        const known = access.kind === 'ok' || access.kind === 'closed';
        const prospect = known
          ? await loadProspectForActor(dependencies.db, {
              workspaceId,
              actor,
              prospectId: access.view.prospect.id,
            })
          : undefined;
        if (!prospect || prospect === 'forbidden') {
          await reply(known ? NOT_YOURS : describeChange(access, () => ''));
          return;
        }
        const message = pressedMessageOf(body);
        await openLogModal(dependencies, client, body, {
          prospect,
          ...(access.kind === 'ok' ? { plannedCall: itemOf(access.view, actor.timeZone) } : {}),
          ...(access.kind === 'ok' && message ? { settles: { ...message, nextStepId } } : {}),
        });
      },
    ),
  );
}
