import { pauseDeal } from '../../../usecases/pause-deal.js';
import { formatLocalDate } from '../../blocks/local-time.js';
import { escapeMrkdwn } from '../../blocks/text.js';
import { ensureRep } from '../rep.js';
import type { Subcommand } from './subcommand.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface PauseArgs {
  prospectName: string;
  untilDay: string;
  reason: string;
}

/**
 * `<prospect> until <YYYY-MM-DD> <reason>`, read word by word in one pass: a pattern with a lazy name before
 * `\s+until` backtracks over every run of spaces, which a long run turns into seconds of blocked event loop.
 */
export function parsePauseArgs(args: string): PauseArgs | undefined {
  const words = [...args.matchAll(/\S+/g)];
  for (let at = 1; at + 2 < words.length; at++) {
    const [until, day, reasonStart] = [words[at], words[at + 1], words[at + 2]];
    if (until?.[0].toLowerCase() !== 'until' || !day || !DAY.test(day[0]) || !reasonStart) continue;
    return {
      prospectName: words
        .slice(0, at)
        .map((word) => word[0])
        .join(' '),
      untilDay: day[0],
      reason: args.slice(reasonStart.index).trimEnd(),
    };
  }
  return undefined;
}

export const pauseSubcommand: Subcommand = {
  name: 'pause',
  usage: '/followup pause <prospect> until <YYYY-MM-DD> <reason>',
  description:
    'parks a deal with a reason; it leaves the manager digest until then and comes back on its own.',
  run: async ({ args, command, client, respond, dependencies }) => {
    const parsed = parsePauseArgs(args);
    if (!parsed) {
      await respond({
        response_type: 'ephemeral',
        text: 'Usage: /followup pause &lt;prospect&gt; until &lt;YYYY-MM-DD&gt; &lt;reason&gt;, e.g. `/followup pause Dana until 2026-04-01 budget freeze until Q2`',
      });
      return;
    }
    const rep = await ensureRep(dependencies, client, command.team_id, command.user_id);
    const reason = parsed.reason.slice(0, 300);
    const result = await pauseDeal(dependencies.db, {
      workspaceId: command.team_id,
      rep,
      prospectName: parsed.prospectName,
      untilDay: parsed.untilDay,
      reason,
      now: dependencies.now(),
    });
    // The reply is mrkdwn: what the rep typed is escaped so `<!channel>` in a reason stays text.
    const name = escapeMrkdwn(parsed.prospectName);
    const text = {
      paused:
        result.kind === 'paused'
          ? `Paused ${escapeMrkdwn(result.contactName)} until ${formatLocalDate(result.until, rep.timeZone)}: ${escapeMrkdwn(reason)}. It comes back on its own.`
          : '',
      not_found: `None of your prospects is called "${name}".`,
      ambiguous: `Several of your prospects match "${name}": use the company name instead.`,
      bad_date: `${parsed.untilDay} is not a future date. Use YYYY-MM-DD.`,
    }[result.kind];
    await respond({ response_type: 'ephemeral', text });
  },
};
