import type { App, Logger, MessageShortcut } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { loadLogPrefill } from '../../../usecases/log-call.js';
import { renderLogModal } from '../../blocks/log-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { readableText, unnamedUserIds } from '../../formatted-text.js';
import { CALLBACK_IDS } from '../../ids.js';
import { ensureRep } from '../rep.js';
import { PREFILL_BUDGET_MS, withinTime } from '../time-budget.js';

/** "Log follow-up" on a message: the log modal with that message, as people read it, as the call's notes. */
export function registerLogFromMessage(app: App, dependencies: SlackDependencies): void {
  app.shortcut<MessageShortcut>(CALLBACK_IDS.logFromMessage, async ({ ack, shortcut, client }) => {
    await ack();
    const workspaceId = shortcut.team?.id ?? '';
    const text = shortcut.message.text ?? '';
    // Both lookups share the trigger's 3 s: they run side by side, each within the prefill budget.
    const [names, prefill] = await Promise.all([
      namesOf(client, unnamedUserIds(text), dependencies.logger),
      withinTime(
        loadLogPrefill(dependencies.db, {
          workspaceId,
          slackUserId: shortcut.user.id,
          text: '',
          now: dependencies.now(),
        }),
        PREFILL_BUDGET_MS,
        dependencies.logger,
      ).catch((error: unknown) => {
        dependencies.logger.warn('log modal opens without a next call time', error);
        return null;
      }),
    ]);
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: renderLogModal({
        prospect: null,
        typedName: '',
        summary: readableText(text, names),
        fromHome: false,
        nextCallAt: prefill?.nextCallAt ?? null,
      }),
    });
    if (!prefill?.repKnown) await ensureRep(dependencies, client, workspaceId, shortcut.user.id);
  });
}

/**
 * Message text mentions people as `<@U123>` with no name; users.info names them. The trigger_id dies 3 s after
 * the shortcut, so the lookups get the prefill budget and a person not named in time keeps their id.
 */
async function namesOf(client: WebClient, userIds: string[], logger: Logger): Promise<Map<string, string>> {
  const lookUp = async (user: string): Promise<[string, string][]> => {
    const { user: profile } = await client.users.info({ user });
    const name = profile?.profile?.display_name || profile?.real_name || profile?.name;
    return name ? [[user, name]] : [];
  };
  const lookups = Promise.all(userIds.map((user) => lookUp(user).catch(() => [])));
  const found = await withinTime(lookups, PREFILL_BUDGET_MS, logger).catch(() => []);
  return new Map(found.flat());
}
