import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { loadLogPrefill, loadProspectForActor } from '../../../usecases/log-call.js';
import { type LogModalModel, type PressedCall, renderLogModal } from '../../blocks/log-modal.js';
import type { NextStepItem } from '../../blocks/next-step-item.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseIdValue } from '../../payloads.js';
import { ensureRep } from '../rep.js';
import { PREFILL_BUDGET_MS, withinTime } from '../time-budget.js';
import { NOT_YOURS, pressedOnHome, replyToAction, workspaceOf } from './reply.js';

/** "Log a call" (blank modal) and "Log call" on a Home tab prospect (prefilled with it). */
export function registerLogNewCall(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.logNewCall,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const prospectId = parseIdValue(action.value);
      const workspaceId = workspaceOf(body);
      if (!prospectId) {
        await openLogModal(dependencies, client, body, { prospect: null });
        return;
      }
      const actor = await ensureRep(dependencies, client, workspaceId, body.user.id);
      const prospect = await loadProspectForActor(dependencies.db, { workspaceId, actor, prospectId });
      if (!prospect || prospect === 'forbidden') {
        const text = prospect ? NOT_YOURS : 'That prospect no longer exists.';
        await replyToAction({ body, respond, client, dependencies, actor, text });
        return;
      }
      await openLogModal(dependencies, client, body, { prospect });
    },
  );
}

/**
 * The log modal for a button press: blank, or for a known prospect (and the call planned with them), its
 * next call starting at the rep's usual time.
 */
export async function openLogModal(
  dependencies: SlackDependencies,
  client: WebClient,
  body: BlockAction,
  opening: { prospect: LogModalModel['prospect']; plannedCall?: NextStepItem; settles?: PressedCall },
): Promise<void> {
  const { db, logger } = dependencies;
  const lookup = loadLogPrefill(db, {
    workspaceId: workspaceOf(body),
    slackUserId: body.user.id,
    text: '',
    now: dependencies.now(),
  });
  const prefill = await withinTime(lookup, PREFILL_BUDGET_MS, logger).catch((error: unknown) => {
    logger.warn('log modal opens without a next call time', error);
    return null;
  });
  await client.views.open({
    trigger_id: body.trigger_id,
    view: renderLogModal({
      prospect: opening.prospect,
      typedName: '',
      summary: '',
      fromHome: pressedOnHome(body),
      nextCallAt: prefill?.nextCallAt ?? null,
      ...(opening.plannedCall ? { plannedCall: opening.plannedCall } : {}),
      ...(opening.settles ? { settles: opening.settles } : {}),
    }),
  });
}
