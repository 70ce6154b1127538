import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackDependencies } from '../../dependencies.js';

export interface SubcommandRequest {
  /** What the rep typed after the subcommand name, trimmed, as they read it (Slack's escaping undone). */
  args: string;
  /** Slack user ids the rep mentioned after the subcommand name (`@rita` arrives as `<@U123|rita>`). */
  mentionedUserIds: string[];
  command: SlashCommand;
  client: WebClient;
  respond: RespondFn;
  dependencies: SlackDependencies;
  /** The whole table, for help. */
  subcommands: readonly Subcommand[];
}

/** One `/followup <name>` subcommand. Runs after the ack; `log` must open its modal first (trigger_id: 3 s). */
export interface Subcommand {
  name: string;
  usage: string;
  description: string;
  run(request: SubcommandRequest): Promise<void>;
}
