import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { findNextStepForActor } from '../../../usecases/change-next-step.js';
import { formatLocalTime } from '../../../usecases/next-call-time.js';
import { buildRescheduleModal } from '../../blocks/reschedule-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseIdValue } from '../../payloads.js';
import { ensureRep } from '../rep.js';
import { describeChange, pressedOnHome, replyToAction, workspaceOf } from './reply.js';

export function registerReschedule(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.reschedule,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const nextStepId = parseIdValue(action.value);
      if (!nextStepId) return;
      const workspaceId = workspaceOf(body);
      const actor = await ensureRep(dependencies, client, workspaceId, body.user.id);
      const access = await findNextStepForActor(dependencies.db, { workspaceId, actor, nextStepId });
      if (access.kind !== 'ok') {
        const text = describeChange(access, () => '');
        await replyToAction({ body, respond, client, dependencies, actor, text });
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
  );
}
