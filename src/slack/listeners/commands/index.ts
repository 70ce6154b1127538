import type { App } from '@slack/bolt';
import type { SlackDependencies } from '../../dependencies.js';
import { mentionedUserIds, readableText } from '../../formatted-text.js';
import { COMMAND } from '../../ids.js';
import { digestSubcommand } from './digest.js';
import { dueSubcommand } from './due.js';
import { helpSubcommand, respondWithHelp } from './help.js';
import { logSubcommand } from './log.js';
import { managerSubcommand } from './manager.js';
import { pauseSubcommand } from './pause.js';
import { settingsSubcommand } from './settings.js';
import type { Subcommand, SubcommandRequest } from './subcommand.js';
import { teamSubcommand } from './team.js';

/** Every `/followup` subcommand: one file each, one line here. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  logSubcommand,
  dueSubcommand,
  pauseSubcommand,
  digestSubcommand,
  teamSubcommand,
  managerSubcommand,
  settingsSubcommand,
  helpSubcommand,
];

/**
 * The longest `/followup` text read: a team of about a hundred mentions (`<@U0123ABCD|first.last>` each), or a
 * pause with a long reason, fits well under it. Longer text is answered with this limit, unread.
 */
export const COMMAND_TEXT_MAX_LENGTH = 4000;

export const COMMAND_TOO_LONG = `That is more than /followup reads: at most ${COMMAND_TEXT_MAX_LENGTH.toLocaleString('en-US')} characters. Nothing was changed; shorten it and try again.`;

/** Acks at once, then runs the subcommand named by the first word; anything unknown gets the usage. */
export function registerFollowupCommand(app: App, dependencies: SlackDependencies): void {
  app.command(COMMAND, async ({ ack, command, client, respond }) => {
    await ack();
    if (command.text.length > COMMAND_TEXT_MAX_LENGTH) {
      await respond({ response_type: 'ephemeral', text: COMMAND_TOO_LONG });
      return;
    }
    const text = command.text.trim();
    const name = text.split(/\s+/)[0]?.toLowerCase() ?? '';
    const subcommand = SUBCOMMANDS.find((candidate) => candidate.name === name);
    // The manifest's should_escape sends mentions as ids and `&`, `<`, `>` as entities; see formatted-text.ts.
    const rest = text.slice(name.length).trim();
    const request: SubcommandRequest = {
      args: readableText(rest),
      mentionedUserIds: mentionedUserIds(rest),
      command,
      client,
      respond,
      dependencies,
      subcommands: SUBCOMMANDS,
    };
    try {
      await (subcommand ? subcommand.run(request) : respondWithHelp(request, name || undefined));
    } catch (error) {
      dependencies.logger.error(`/followup ${name} failed`, error);
      await respond({
        response_type: 'ephemeral',
        text: 'That did not work just now. Nothing was changed; try again in a moment.',
      }).catch(() => {});
    }
  });
}
