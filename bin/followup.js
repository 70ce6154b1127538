#!/usr/bin/env node
// The operator and script entry (`npx followup ...`): runs the TypeScript sources through tsx, like `npm start`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
