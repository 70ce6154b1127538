import type { App, BlockAction, OverflowAction } from '@slack/bolt';
import { DateTime } from 'luxon';
import { findNextStepForActor, snoozeNextStep } from '../../../usecases/change-next-step.js';
import { formatLocalTime } from '../../../usecases/next-call-time.js';
import { buildSnoozePickDateModal } from '../../blocks/reschedule-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseSnoozeValue } from '../../payloads.js';
import { ensureRep } from '../rep.js';
import { describeChange, pressedOnHome, replyToAction, workspaceOf } from './reply.js';

const DAYS = { '1d': 1, '1w': 7 } as const;

export function registerSnooze(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<OverflowAction>>(ACTIONS.snooze, async ({ ack, body, action, client, respond }) => {
    await ack();
    const choice = parseSnoozeValue(action.selected_option.value);
    if (!choice) return;
    const workspaceId = workspaceOf(body);
    const actor = await ensureRep(dependencies, client, workspaceId, body.user.id);
    const request = { workspaceId, actor, nextStepId: choice.nextStepId, now: dependencies.now() };
    if (choice.choice === 'pick') {
      const access = await findNextStepForActor(dependencies.db, request);
      if (access.kind === 'ok') {
        const { step, prospect, owner } = access.view;
        await client.views.open({
          trigger_id: body.trigger_id,
          view: buildSnoozePickDateModal({
            nextStepId: step.id,
            contactName: prospect.contactName,
            company: prospect.company,
            dueLabel: formatLocalTime(step.dueAt, owner.timeZone),
            dueDay: DateTime.fromJSDate(step.dueAt, { zone: owner.timeZone }).toFormat('yyyy-MM-dd'),
            fromHome: pressedOnHome(body),
          }),
        });
        return;
      }
      const text = describeChange(access, () => '');
      await replyToAction({ body, respond, client, dependencies, actor, text });
      return;
    }
    const change = await snoozeNextStep(dependencies.db, { ...request, by: { days: DAYS[choice.choice] } });
    const text = describeChange(change, (who, due) => `:zzz: Snoozed the call with ${who} to ${due}.`);
    await replyToAction({ body, respond, client, dependencies, actor, text });
  });
}
