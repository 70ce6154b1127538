import type { App } from '@slack/bolt';
import {
  type NextStepChange,
  rescheduleNextStep,
  snoozeNextStep,
} from '../../../usecases/change-next-step.js';
import { RESCHEDULE_BLOCKS } from '../../blocks/reschedule-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { CALLBACK_IDS } from '../../ids.js';
import { parseNextStepMetadata, parseRescheduleForm, parseSnoozeDateForm } from '../../payloads.js';
import { describeChange } from '../actions/reply.js';
import { ensureRep } from '../rep.js';
import { SAVE_FAILED } from './log-interaction.js';

/** The reschedule and snooze-to-a-day modals: the change is made before the ack, so problems show on the field. */
export function registerRescheduleSubmissions(app: App, dependencies: SlackDependencies): void {
  app.view(CALLBACK_IDS.reschedule, async ({ ack, body, view, client }) => {
    const form = parseRescheduleForm(view.state.values);
    const metadata = parseNextStepMetadata(view.private_metadata);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    if (!metadata) return ack();
    const workspaceId = body.team?.id ?? view.team_id;
    const change = await guarded(dependencies, async () => {
      const actor = await ensureRep(dependencies, client, workspaceId, body.user.id);
      return rescheduleNextStep(dependencies.db, {
        workspaceId,
        actor,
        nextStepId: metadata.nextStepId,
        now: dependencies.now(),
        ...form.value,
      });
    });
    const text = describeChange(change, (who, due) => `:calendar: Moved the call with ${who} to ${due}.`);
    if (change.kind !== 'changed') {
      return ack({ response_action: 'errors', errors: { [RESCHEDULE_BLOCKS.dueAt]: text } });
    }
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text });
  });

  app.view(CALLBACK_IDS.snoozePickDate, async ({ ack, body, view, client }) => {
    const form = parseSnoozeDateForm(view.state.values);
    const metadata = parseNextStepMetadata(view.private_metadata);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    if (!metadata) return ack();
    const workspaceId = body.team?.id ?? view.team_id;
    const change = await guarded(dependencies, async () => {
      const actor = await ensureRep(dependencies, client, workspaceId, body.user.id);
      return snoozeNextStep(dependencies.db, {
        workspaceId,
        actor,
        nextStepId: metadata.nextStepId,
        now: dependencies.now(),
        by: form.value,
      });
    });
    const text = describeChange(change, (who, due) => `:zzz: Snoozed the call with ${who} to ${due}.`);
    if (change.kind !== 'changed') {
      return ack({ response_action: 'errors', errors: { [RESCHEDULE_BLOCKS.date]: text } });
    }
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text });
  });
}

/** A database failure becomes a field error (the modal stays open) instead of a timed-out submission. */
async function guarded(
  dependencies: SlackDependencies,
  work: () => Promise<NextStepChange>,
): Promise<NextStepChange> {
  try {
    return await work();
  } catch (error) {
    dependencies.logger.error('could not change a next step', error);
    return { kind: 'invalid', error: SAVE_FAILED };
  }
}
