import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { findNextStepForActor } from '../../../usecases/change-next-step.js';
import { formatLocalTime } from '../../../usecases/next-call-time.js';
import { buildRescheduleModal } from '../../blocks/reschedule-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseIdValue } from '../../payloads.js';
import { describeChange, onPress, pressedOnHome } from './reply.js';

export function registerReschedule(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.reschedule,
    onPress(
      dependencies,
      (action: ButtonAction) => parseIdValue(action.value),
      async ({ workspaceId, actor, target: nextStepId, body, client, reply }) => {
        const access = await findNextStepForActor(dependencies.db, { workspaceId, actor, nextStepId });
        if (access.kind !== 'ok') {
          await reply(describeChange(access, () => ''));
          return;
        }
        const { step, prospect, owner } = access.view;
        await client.views.open({
          trigger_id: body.trigger_id,
          view: buildRescheduleModal({
            nextStepId: step.id,
            contactName: prospect.contactName,
            company: prospect.company,
            dueLabel: formatLocalTime(step.dueAt, owner.timeZone),
            dueAt: step.dueAt,
            agreed: step.agreed,
            fromHome: pressedOnHome(body),
          }),
        });
      },
    ),
  );
}
