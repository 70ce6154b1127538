// `npx tsx bench/command-acks.ts`: the `/followup log` command acks alone, on each engine, beside the same
// baselines as `npm run bench` (bare node:http, Bolt's empty handler, the Web API client opening the modal).

import { runInteractiveBenchmarks } from './interactive.bench.js';
import { findDatabaseServer } from './support/database-server.js';
import { describeMachine, formatResult } from './support/report.js';

console.log(`Machine: ${describeMachine()}`);
for (const result of await runInteractiveBenchmarks(await findDatabaseServer(), { submissions: false })) {
  console.log(formatResult(result));
}
