import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { completeNextStep } from '../../../usecases/change-next-step.js';
import { planNextStepButton } from '../../blocks/call-item.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseIdValue } from '../../payloads.js';
import { describeChange, onPress, settlePressedMessage } from './reply.js';

export function registerMarkDone(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.markDone,
    onPress(
      dependencies,
      (action: ButtonAction) => parseIdValue(action.value),
      async (press) => {
        const { workspaceId, actor, target: nextStepId, reply } = press;
        const change = await completeNextStep(dependencies.db, {
          workspaceId,
          actor,
          nextStepId,
          now: dependencies.now(),
        });
        const text = describeChange(
          change,
          (who) =>
            `:white_check_mark: Marked done: the call with ${who}. *What is next?* Plan the next call, or a revisit date if they are not ready.`,
        );
        const next = change.kind === 'changed' ? planNextStepButton(change.view.prospect.id) : undefined;
        if (next && (await settlePressedMessage(press, nextStepId, text, next))) return;
        await reply(text);
      },
    ),
  );
}
