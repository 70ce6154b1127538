import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { findNextStepForActor } from '../../../usecases/change-next-step.js';
import { findProspectForActor } from '../../../usecases/log-call.js';
import { itemOf } from '../../blocks/due-list.js';
import { buildLogModal } from '../../blocks/log-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseIdValue } from '../../payloads.js';
import { ensureRep } from '../rep.js';
import { describeChange, NOT_YOURS, pressedOnHome, replyToAction, workspaceOf } from './reply.js';

/** "Log outcome" on a next step: the log modal, prefilled with that step's prospect and showing its plan. */
export function registerLogOutcome(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.logOutcome,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const nextStepId = parseIdValue(action.value);
      if (!nextStepId) return;
      const workspaceId = workspaceOf(body);
      const actor = await ensureRep(dependencies, client, workspaceId, body.user.id);
      const access = await findNextStepForActor(dependencies.db, { workspaceId, actor, nextStepId });
      const prospect =
        access.kind === 'ok' || access.kind === 'closed'
          ? await findProspectForActor(dependencies.db, {
              workspaceId,
              actor,
              prospectId: access.view.prospect.id,
            })
          : undefined;
      if (!prospect || prospect === 'forbidden') {
        const text =
          access.kind === 'ok' || access.kind === 'closed' ? NOT_YOURS : describeChange(access, () => '');
        await replyToAction({ body, respond, client, dependencies, actor, text });
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildLogModal({
          prospect,
          typedName: '',
          summary: '',
          outcome: null,
          fromHome: pressedOnHome(body),
          ...(access.kind === 'ok' ? { plannedCall: itemOf(access.view, actor.timeZone) } : {}),
        }),
      });
    },
  );
}
