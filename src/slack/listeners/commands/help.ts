import { renderHelpMessage } from '../../blocks/help.js';
import type { Subcommand, SubcommandRequest } from './subcommand.js';

export async function respondWithHelp(request: SubcommandRequest, unknown?: string): Promise<void> {
  const message = renderHelpMessage([...request.subcommands], unknown);
  await request.respond({ response_type: 'ephemeral', ...message });
}

export const helpSubcommand: Subcommand = {
  name: 'help',
  usage: '/followup help',
  description: 'shows this list.',
  run: (request) => respondWithHelp(request),
};
