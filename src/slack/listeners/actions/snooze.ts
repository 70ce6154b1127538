import type { App, BlockAction, OverflowAction } from '@slack/bolt';
import { DateTime } from 'luxon';
import { findNextStepForActor, snoozeNextStep } from '../../../usecases/change-next-step.js';
import { formatLocalTime } from '../../../usecases/next-call-time.js';
import { buildSnoozePickDateModal } from '../../blocks/reschedule-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseSnoozeValue } from '../../payloads.js';
import { describeChange, onPress, pressedOnHome } from './reply.js';

const DAYS = { '1d': 1, '1w': 7 } as const;

export function registerSnooze(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<OverflowAction>>(
    ACTIONS.snooze,
    onPress(
      dependencies,
      (action: OverflowAction) => parseSnoozeValue(action.selected_option.value),
      async ({ workspaceId, actor, target: choice, body, client, reply }) => {
        const request = { workspaceId, actor, nextStepId: choice.nextStepId, now: dependencies.now() };
        if (choice.choice !== 'pick') {
          const change = await snoozeNextStep(dependencies.db, {
            ...request,
            by: { days: DAYS[choice.choice] },
          });
          await reply(describeChange(change, (who, due) => `:zzz: Snoozed the call with ${who} to ${due}.`));
          return;
        }
        const access = await findNextStepForActor(dependencies.db, request);
        if (access.kind !== 'ok') {
          await reply(describeChange(access, () => ''));
          return;
        }
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
      },
    ),
  );
}
