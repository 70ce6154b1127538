import { spawn } from 'node:child_process';

export interface AppProcess {
  /** What the app wrote to stderr so far, for a failing test's message. */
  stderr(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

/** The real app (`src/main.ts`) in a process of its own, configured by `env` over the test's environment. */
export function startAppProcess(env: NodeJS.ProcessEnv): AppProcess {
  const app = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  app.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return {
    stderr: () => stderr,
    exited: new Promise((resolve) => app.once('exit', (code) => resolve(code))),
    kill: (signal) => app.kill(signal),
  };
}
