import type { SlackMessage } from './confirmation.js';
import { escapeMrkdwn, mrkdwnSection } from './text.js';

export interface UsageLine {
  usage: string;
  description: string;
}

/** Usage of every /followup subcommand; `unknown` is what the rep typed when it matched none. */
export function renderHelpMessage(lines: UsageLine[], unknown?: string): SlackMessage {
  const intro = unknown
    ? `I do not know \`${escapeMrkdwn(unknown.slice(0, 100))}\`. Here is what I can do:`
    : 'Follow-Up Coach helps you schedule calls that give prospects a reason to talk. Commands:';
  const list = (escapeFor: (text: string) => string) =>
    lines.map((line) => `• \`${escapeFor(line.usage)}\` ${escapeFor(line.description)}`).join('\n');
  return {
    text: `${intro}\n${list((text) => text)}`,
    blocks: [mrkdwnSection(intro), mrkdwnSection(list(escapeMrkdwn))],
  };
}
