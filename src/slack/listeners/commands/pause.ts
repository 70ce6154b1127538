import { formatLocalDate } from '../../../usecases/next-call-time.js';
import { pauseDeal } from '../../../usecases/pause-deal.js';
import { ensureRep } from '../rep.js';
import type { Subcommand } from './subcommand.js';

const PAUSE_ARGS = /^(.+?)\s+until\s+(\d{4}-\d{2}-\d{2})\s+(.+)$/i;

export const pauseSubcommand: Subcommand = {
  name: 'pause',
  usage: '/followup pause <prospect> until <YYYY-MM-DD> <reason>',
  description:
    'parks a deal with a reason; it leaves the manager digest until then and comes back on its own.',
  run: async ({ args, command, client, respond, dependencies }) => {
    const match = PAUSE_ARGS.exec(args);
    if (!match?.[1] || !match[2] || !match[3]) {
      await respond({
        response_type: 'ephemeral',
        text: 'Usage: /followup pause &lt;prospect&gt; until &lt;YYYY-MM-DD&gt; &lt;reason&gt;, e.g. `/followup pause Dana until 2026-04-01 budget freeze until Q2`',
      });
      return;
    }
    const rep = await ensureRep(dependencies, client, command.team_id, command.user_id);
    const result = await pauseDeal(dependencies.db, {
      workspaceId: command.team_id,
      rep,
      prospectName: match[1],
      untilDay: match[2],
      reason: match[3].slice(0, 300),
      now: dependencies.now(),
    });
    const text = {
      paused:
        result.kind === 'paused'
          ? `Paused ${result.contactName} until ${formatLocalDate(result.until, rep.timeZone)}: ${match[3]}. It comes back on its own.`
          : '',
      not_found: `None of your prospects is called "${match[1]}".`,
      ambiguous: `Several of your prospects match "${match[1]}": use the company name instead.`,
      bad_date: `${match[2]} is not a future date. Use YYYY-MM-DD.`,
    }[result.kind];
    await respond({ response_type: 'ephemeral', text });
  },
};
