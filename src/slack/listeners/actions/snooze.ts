import type { App, BlockAction, OverflowAction } from '@slack/bolt';
import { DateTime } from 'luxon';
import { snoozeNextStep } from '../../../usecases/change-next-step.js';
import { renderSnoozePickDateModal } from '../../blocks/reschedule-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { ACTIONS } from '../../ids.js';
import { parseSnoozeValue } from '../../payloads.js';
import { describeChange, onPress, settlePressedMessage, stepModalTarget, stepToChange } from './reply.js';

const DAYS = { '1d': 1, '1w': 7 } as const;

export function registerSnooze(app: App, dependencies: SlackDependencies): void {
  app.action<BlockAction<OverflowAction>>(
    ACTIONS.snooze,
    onPress(
      dependencies,
      (action: OverflowAction) => parseSnoozeValue(action.selected_option.value),
      async (press) => {
        const { workspaceId, actor, target: choice, reply } = press;
        const request = { workspaceId, actor, nextStepId: choice.nextStepId, now: dependencies.now() };
        if (choice.choice !== 'pick') {
          const change = await snoozeNextStep(dependencies.db, {
            ...request,
            by: { days: DAYS[choice.choice] },
          });
          const text = describeChange(
            change,
            (who, due) => `:zzz: Snoozed the call with ${who} to ${due} (not agreed with them yet).`,
          );
          if (change.kind === 'changed' && (await settlePressedMessage(press, choice.nextStepId, text)))
            return;
          await reply(text);
          return;
        }
        const view = await stepToChange(dependencies, press, choice.nextStepId);
        if (!view) return;
        await press.client.views.open({
          trigger_id: press.body.trigger_id,
          view: renderSnoozePickDateModal({
            ...stepModalTarget(view, press.body),
            dueDay: DateTime.fromJSDate(view.step.dueAt, { zone: view.owner.timeZone }).toFormat(
              'yyyy-MM-dd',
            ),
          }),
        });
      },
    ),
  );
}
