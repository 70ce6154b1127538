import type { App } from '@slack/bolt';
import {
  type ChangeRequest,
  type NextStepChange,
  rescheduleNextStep,
  snoozeNextStep,
} from '../../../usecases/change-next-step.js';
import type { Person } from '../../../usecases/ensure-person.js';
import type { SlackDependencies } from '../../dependencies.js';
import { CALLBACK_IDS, RESCHEDULE_BLOCKS } from '../../ids.js';
import {
  type Parsed,
  parseNextStepMetadata,
  parseRescheduleForm,
  parseSnoozeDateForm,
} from '../../payloads.js';
import { describeChange } from '../actions/reply.js';
import { sendCallInvite } from '../call-invite.js';
import { publishHome } from '../home.js';
import { ensureRep } from '../rep.js';
import { settleMessageAfterSave } from '../settle-message.js';
import { OutOfTime, SUBMISSION_BUDGET_MS, TAKING_TOO_LONG, withinTime } from '../time-budget.js';
import { SAVE_FAILED } from './log-interaction.js';

/** The reschedule and snooze-to-a-day modals: the change is made before the ack, so problems show on the field. */
export function registerRescheduleSubmissions(app: App, dependencies: SlackDependencies): void {
  registerNextStepChange(app, dependencies, {
    callbackId: CALLBACK_IDS.reschedule,
    parse: parseRescheduleForm,
    errorBlock: RESCHEDULE_BLOCKS.dueAt,
    change: (request, form) => rescheduleNextStep(dependencies.db, { ...request, ...form }),
    describe: (who, due) => `:calendar: Moved the call with ${who} to ${due}.`,
  });
  registerNextStepChange(app, dependencies, {
    callbackId: CALLBACK_IDS.snoozePickDate,
    parse: parseSnoozeDateForm,
    errorBlock: RESCHEDULE_BLOCKS.date,
    change: (request, form) => snoozeNextStep(dependencies.db, { ...request, by: form }),
    describe: (who, due) => `:zzz: Snoozed the call with ${who} to ${due}.`,
  });
}

function registerNextStepChange<Form>(
  app: App,
  dependencies: SlackDependencies,
  spec: {
    callbackId: string;
    parse: (values: unknown) => Parsed<Form>;
    errorBlock: string;
    change: (request: ChangeRequest, form: Form) => Promise<NextStepChange>;
    describe: (who: string, due: string) => string;
  },
): void {
  app.view(spec.callbackId, async ({ ack, body, view, client }) => {
    const form = spec.parse(view.state.values);
    const metadata = parseNextStepMetadata(view.private_metadata);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    if (!metadata) return ack();
    const workspaceId = body.team?.id ?? view.team_id;
    const { change, actor } = await guarded(dependencies, async () => {
      const actor = await ensureRep(dependencies, client, workspaceId, body.user.id);
      const request = { workspaceId, actor, nextStepId: metadata.nextStepId, now: dependencies.now() };
      return { change: await spec.change(request, form.value), actor };
    });
    const text = describeChange(change, spec.describe);
    if (change.kind !== 'changed' || !actor)
      return ack({ response_action: 'errors', errors: { [spec.errorBlock]: text } });
    await ack();
    const settled =
      metadata.message &&
      (await settleMessageAfterSave(client, dependencies.logger, metadata.message, {
        nextStepId: metadata.nextStepId,
        outcome: text,
      }));
    if (!settled) await dependencies.sendMessage(client, workspaceId, { channel: body.user.id, text });
    // Moved and agreed again: the invite with the new time replaces the one the prospect has (same UID).
    const { step, prospect } = change.view;
    if (step.agreed) {
      await sendCallInvite(dependencies, client, workspaceId, body.user.id, {
        workspaceId,
        step,
        prospect,
        repName: actor.displayName,
      });
    }
    if (metadata.fromHome) await publishHome(dependencies, client, workspaceId, actor);
  });
}

/** A failing or slow database becomes a field error (the modal stays open) instead of a timed-out submission. */
async function guarded(
  dependencies: SlackDependencies,
  work: () => Promise<{ change: NextStepChange; actor: Person }>,
): Promise<{ change: NextStepChange; actor?: Person }> {
  try {
    return await withinTime(work(), SUBMISSION_BUDGET_MS, dependencies.logger);
  } catch (error) {
    dependencies.logger.error('could not change a next step', error);
    const text = error instanceof OutOfTime ? TAKING_TOO_LONG : SAVE_FAILED;
    return { change: { kind: 'invalid', error: text } };
  }
}
