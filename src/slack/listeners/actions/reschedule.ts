import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { renderRescheduleModal } from '../../blocks/reschedule-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseIdValue } from '../../payloads.js';
import { onPress, stepModalTarget, stepToChange } from './reply.js';

export function registerReschedule(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.reschedule,
    onPress(
      dependencies,
      (action: ButtonAction) => parseIdValue(action.value),
      async (press) => {
        const view = await stepToChange(dependencies, press, press.target);
        if (!view) return;
        await press.client.views.open({
          trigger_id: press.body.trigger_id,
          view: renderRescheduleModal({
            ...stepModalTarget(view, press.body),
            dueAt: view.step.dueAt,
          }),
        });
      },
    ),
  );
}
