import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { RepPlanAccess } from '../../../usecases/load-rep-plan.js';
import { loadRepPlan } from '../../../usecases/load-rep-plan.js';
import { prospectLabel } from '../../blocks/next-step-item.js';
import { renderRepPlanModal } from '../../blocks/rep-plan-modal.js';
import { escapeMrkdwn } from '../../blocks/text.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseIdValue } from '../../payloads.js';
import { findRequester } from '../rep.js';
import { onPress } from './reply.js';

/** What a manager (or anyone else) is told when the plan cannot be shown. */
function refusal(access: Exclude<RepPlanAccess, { kind: 'plan' }>): string {
  switch (access.kind) {
    case 'forbidden':
      return 'Only a manager of this rep can open their plan.';
    case 'missing':
      return 'That deal no longer exists, so there is no plan to open.';
    case 'closed':
      return `${escapeMrkdwn(prospectLabel(access.contactName, access.company))} has been closed (${access.status.replace('_', ' ')}) since this digest was posted, so it has no plan any more.`;
  }
}

/** "Open plan" in the digest: a read-only view of the rep's plan for that deal, for a manager of the rep. */
export function registerOpenRepPlan(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.openRepPlan,
    onPress(
      dependencies,
      (action: ButtonAction) => parseIdValue(action.value),
      async (press) => {
        const requester = await findRequester(
          dependencies,
          press.client,
          press.workspaceId,
          press.body.user.id,
        );
        const access = await loadRepPlan(dependencies.db, {
          workspaceId: press.workspaceId,
          requester,
          prospectId: press.target,
          now: dependencies.now(),
        });
        if (access.kind !== 'plan') {
          await press.reply(refusal(access));
          return;
        }
        await press.client.views.open({
          trigger_id: press.body.trigger_id,
          view: renderRepPlanModal(access.plan),
        });
      },
    ),
  );
}
