import type { App } from '@slack/bolt';
import { type LogCallResult, logCall } from '../../../usecases/log-call.js';
import { loggedCallLine, renderConfirmationMessage } from '../../blocks/confirmation.js';
import type { SlackDependencies } from '../../dependencies.js';
import { CALLBACK_IDS, LOG_BLOCKS } from '../../ids.js';
import { logErrorsToBlocks, parseLogForm } from '../../payloads.js';
import { sendCallInvite } from '../call-invite.js';
import { publishHome } from '../home.js';
import { ensureRep } from '../rep.js';
import { settleMessageAfterSave } from '../settle-message.js';
import { OutOfTime, SUBMISSION_BUDGET_MS, saveWithinTime, TAKING_TOO_LONG } from '../time-budget.js';

export const SAVE_FAILED =
  'We could not save this just now; everything you typed is still here. Press Submit again in a moment.';

/**
 * The database work happens before the ack, because only the ack can put an error under a field; the modal
 * then stays open with everything the rep typed. A slow database must not make the ack late (Slack would show
 * its own error), so the work gets a time budget; the view id keeps a retried save from being stored twice, and
 * tells what a failed save had in fact committed.
 */
export function registerLogInteractionSubmission(app: App, dependencies: SlackDependencies): void {
  app.view(CALLBACK_IDS.logInteraction, async ({ ack, body, view, client }) => {
    const parsed = parseLogForm(view.state.values, view.private_metadata);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const workspaceId = body.team?.id ?? view.team_id;
    const { form, prospectId, fromHome, settles } = parsed.value;
    const findRep = () => ensureRep(dependencies, client, workspaceId, body.user.id);
    let attempts = 0;
    const save = () => {
      attempts++;
      return logCall(dependencies.db, {
        workspaceId,
        rep: { slackUserId: body.user.id, ensure: findRep },
        form,
        prospectId,
        sourceKey: `slack-view:${view.id}`,
        now: dependencies.now(),
      });
    };
    const confirm = async (saved: LogCallResult) => {
      if (saved.kind === 'invalid') return;
      // Found by a second attempt, it is the first attempt's save, confirmed: news to the rep all the same.
      const alreadySaved = saved.kind === 'already_saved' && attempts === 1;
      const { confirmation } = saved;
      const message = renderConfirmationMessage(confirmation, { alreadySaved });
      await dependencies.sendMessage(client, workspaceId, { channel: body.user.id, ...message });
      // Agreed with the prospect: an invite for their calendar too, once (a resubmission had it the first time).
      if (confirmation.nextStep?.agreed && !alreadySaved) {
        await sendCallInvite(dependencies, client, workspaceId, body.user.id, {
          workspaceId,
          step: confirmation.nextStep,
          prospect: confirmation.prospect,
          repName: confirmation.repName,
        });
      }
    };
    let result: LogCallResult;
    try {
      result = await saveWithinTime(save, SUBMISSION_BUDGET_MS, dependencies.logger, confirm);
    } catch (error) {
      dependencies.logger.error('could not save a logged call', error);
      const text = error instanceof OutOfTime ? TAKING_TOO_LONG : SAVE_FAILED;
      return ack({ response_action: 'errors', errors: { [LOG_BLOCKS.plan]: text } });
    }
    if (result.kind === 'invalid') {
      return ack({ response_action: 'errors', errors: logErrorsToBlocks(result.errors) });
    }
    await ack();
    await confirm(result);
    if (settles) {
      await settleMessageAfterSave(client, dependencies.logger, settles, {
        nextStepId: settles.nextStepId,
        outcome: loggedCallLine(result.confirmation),
      });
    }
    if (fromHome) await publishHome(dependencies, client, workspaceId, await findRep());
  });
}
