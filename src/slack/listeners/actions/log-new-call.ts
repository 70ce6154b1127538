import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { loadProspectForActor } from '../../../usecases/log-call.js';
import { type LogModalModel, renderLogModal } from '../../blocks/log-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseIdValue } from '../../payloads.js';
import { ensureRep } from '../rep.js';
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
        await openLogModal(client, body, null);
        return;
      }
      const actor = await ensureRep(dependencies, client, workspaceId, body.user.id);
      const prospect = await loadProspectForActor(dependencies.db, { workspaceId, actor, prospectId });
      if (!prospect || prospect === 'forbidden') {
        const text = prospect ? NOT_YOURS : 'That prospect no longer exists.';
        await replyToAction({ body, respond, client, dependencies, actor, text });
        return;
      }
      await openLogModal(client, body, prospect);
    },
  );
}

/** The log modal for a button press: blank, or for a known prospect (and the call planned with them). */
export async function openLogModal(
  client: WebClient,
  body: BlockAction,
  prospect: LogModalModel['prospect'],
  plannedCall?: LogModalModel['plannedCall'],
): Promise<void> {
  await client.views.open({
    trigger_id: body.trigger_id,
    view: renderLogModal({
      prospect,
      typedName: '',
      summary: '',
      outcome: null,
      fromHome: pressedOnHome(body),
      ...(plannedCall ? { plannedCall } : {}),
    }),
  });
}
