export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

const USAGE = `Usage:
  followup coach "plan text"            judge one next-step plan, print the verdict as JSON
  followup coach --jsonl < plans.jsonl  judge one {"text": ...} object per line
  followup jobs due-dms --at <ISO time> run one due-call DM pass as of that time
  followup jobs reminders --at <ISO>    run one pre-call reminder pass
  followup jobs digest --at <ISO time>  run one manager digest pass
  followup jobs status                  print the last job runs and delivery failures
  followup workspaces list              every workspace, installed or not, and the sales data it keeps
  followup workspaces purge <team>      delete an uninstalled workspace and all its data
`;

/** Returns the process exit code: 0 done, 1 failed, 2 usage error. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    // Loaded on demand: the coach needs neither Slack nor the database, and starts faster without them.
    case 'coach':
      return (await import('./cli/coach-command.js')).runCoachCommand(rest, io);
    case 'jobs':
      return (await import('./cli/jobs-command.js')).runJobsCommand(rest, io);
    case 'workspaces':
      return (await import('./cli/workspaces-command.js')).runWorkspacesCommand(rest, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.stderr.write(`Unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}
