// Reads vitest's JSON report: prints the plain "N passed, N failed" line and fails when no test ran on the
// PostgreSQL server (their suite names carry "[postgres]"), so a silently skipped server run cannot pass.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const tests = report.testResults.flatMap((file) => file.assertionResults);
const count = (status) => tests.filter((test) => test.status === status).length;
const serverTests = tests.filter((test) => test.status === 'passed' && test.fullName.includes('[postgres]'));

console.log(
  `${count('passed')} passed, ${count('failed')} failed, ${count('skipped') + count('pending')} skipped`,
);
console.log(`${serverTests.length} tests ran against the PostgreSQL server`);
if (serverTests.length === 0) {
  console.error('No test ran against the PostgreSQL server: is TEST_DATABASE_URL set and the server up?');
  process.exit(1);
}
if (count('failed') > 0 || !report.success) process.exit(1);
