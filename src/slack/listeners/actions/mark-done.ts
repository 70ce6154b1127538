import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { completeNextStep } from '../../../usecases/change-next-step.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseIdValue } from '../../payloads.js';
import { ensureRep } from '../rep.js';
import { describeChange, replyToAction, workspaceOf } from './reply.js';

export function registerMarkDone(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.markDone, async ({ ack, body, action, client, respond }) => {
    await ack();
    const nextStepId = parseIdValue(action.value);
    if (!nextStepId) return;
    const workspaceId = workspaceOf(body);
    const actor = await ensureRep(dependencies, client, workspaceId, body.user.id);
    const change = await completeNextStep(dependencies.db, {
      workspaceId,
      actor,
      nextStepId,
      now: dependencies.now(),
    });
    const text = describeChange(change, (who) => `:white_check_mark: Marked done: the call with ${who}.`);
    await replyToAction({ body, respond, client, dependencies, actor, text });
  });
}
