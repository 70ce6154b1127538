import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { completeNextStep } from '../../../usecases/change-next-step.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseIdValue } from '../../payloads.js';
import { describeChange, onPress } from './reply.js';

export function registerMarkDone(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.markDone,
    onPress(
      dependencies,
      (action: ButtonAction) => parseIdValue(action.value),
      async ({ workspaceId, actor, target: nextStepId, reply }) => {
        const change = await completeNextStep(dependencies.db, {
          workspaceId,
          actor,
          nextStepId,
          now: dependencies.now(),
        });
        await reply(describeChange(change, (who) => `:white_check_mark: Marked done: the call with ${who}.`));
      },
    ),
  );
}
