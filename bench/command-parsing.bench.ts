import { mentionedUserIds } from '../src/slack/formatted-text.js';
import { parsePauseArgs } from '../src/slack/listeners/commands/pause.js';
import { type BenchResult, compare } from './support/report.js';

const HUNDRED_KB = 100_000;
const REPEATS = 20;
/** Issue 17's bar for a 100 kB argument: answered in well under this. */
const FLOOR_MS = 100;

/** The fastest of REPEATS runs, in milliseconds: the others measured the machine's other work too. */
function fastestMs(work: () => unknown): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const started = process.hrtime.bigint();
    work();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return fastest;
}

/**
 * The two inputs that once blocked the event loop (21 s and 4 s), each beside one linear pass over the same
 * text (splitting it on whitespace), which no parser can beat by much.
 */
export async function runCommandParsingBenchmark(): Promise<BenchResult[]> {
  const spaces = `x${' '.repeat(HUNDRED_KB)}y`;
  const mentions = '<@UA|'.repeat(HUNDRED_KB / 5);
  const splitPass = (text: string) => fastestMs(() => text.split(/\s+/));
  const pause = fastestMs(() => parsePauseArgs(spaces));
  const team = fastestMs(() => mentionedUserIds(mentions));
  const floor = (ms: number) => ({ description: `under ${FLOOR_MS} ms`, met: ms < FLOOR_MS });
  return [
    compare('pause args, x + 100,000 spaces + y', pause, 'ms', 'one whitespace split', splitPass(spaces), {
      floor: floor(pause),
    }),
    compare('team mentions, 20,000 unclosed <@UA|', team, 'ms', 'one whitespace split', splitPass(mentions), {
      floor: floor(team),
      notes: '/followup answers text over 4,000 characters with the limit before parsing it at all',
    }),
  ];
}
