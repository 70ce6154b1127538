// `npm run bench`: every benchmark, each figure beside a baseline measured in this same run, and their ratio.
import { runCoachBenchmark } from './coach.bench.js';
import { runCommandParsingBenchmark } from './command-parsing.bench.js';
import { runDmFanoutBenchmark } from './dm-fanout.bench.js';
import { runDigestBenchmark, runDueSweepBenchmark } from './due-sweep.bench.js';
import { runInteractiveBenchmarks } from './interactive.bench.js';
import { findDatabaseServer } from './support/database-server.js';
import { type BenchResult, describeMachine, formatResult } from './support/report.js';

const server = await findDatabaseServer();
console.log(`Machine: ${describeMachine()}`);
console.log(
  `Engines: PGlite (embedded)${server ? ', PostgreSQL server' : ' only: no PostgreSQL server answered'}\n`,
);

const suites: [string, () => Promise<BenchResult[]>][] = [
  ['Coach', runCoachBenchmark],
  ['Command text: 100 kB arguments', runCommandParsingBenchmark],
  [
    'Interactive path (app process loaded over loopback by autocannon)',
    () => runInteractiveBenchmarks(server),
  ],
  // The digest benchmark reuses, then drops, the scratch database the sweep seeded: keep this order.
  ['Jobs: due sweep over 1,000,000 next steps', runDueSweepBenchmark],
  ['Jobs: digests for 200 managers over 100,000 prospects', runDigestBenchmark],
  ['Jobs: 10,000 DMs through a rate-limited fake Slack', runDmFanoutBenchmark],
];

let missed = 0;
for (const [title, run] of suites) {
  const started = Date.now();
  console.log(`${title}`);
  try {
    for (const result of await run()) {
      console.log(formatResult(result));
      if (result.floor && !result.floor.met) missed++;
    }
  } catch (error) {
    missed++;
    console.log(`  failed: ${(error as Error).message}`);
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
console.log(missed === 0 ? 'Every floor met.' : `${missed} floor(s) missed or benchmark(s) failed.`);
process.exitCode = missed === 0 ? 0 : 1;
