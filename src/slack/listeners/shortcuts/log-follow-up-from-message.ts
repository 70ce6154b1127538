import type { App, MessageShortcut } from '@slack/bolt';
import { renderLogModal } from '../../blocks/log-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { CALLBACK_IDS } from '../../ids.js';
import { ensureRep } from '../rep.js';

/** "Log follow-up" on a message: the log modal with that message as the call summary. */
export function registerLogFromMessage(app: App, dependencies: SlackDependencies): void {
  app.shortcut<MessageShortcut>(CALLBACK_IDS.logFromMessage, async ({ ack, shortcut, client }) => {
    await ack();
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: renderLogModal({
        prospect: null,
        typedName: '',
        summary: shortcut.message.text ?? '',
        outcome: null,
        fromHome: false,
      }),
    });
    await ensureRep(dependencies, client, shortcut.team?.id ?? '', shortcut.user.id);
  });
}
