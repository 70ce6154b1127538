import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunningServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a TypeScript entry in its own Node process (so the load generator never shares its event loop) and
 * waits until `ready` answers; the process's stderr is kept for the error message if it never does.
 */
export async function startProcess(
  entry: string,
  env: NodeJS.ProcessEnv,
  ready: (port: number) => Promise<boolean>,
): Promise<RunningServer> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}: ${stderr}`);
    if (await ready(port).catch(() => false)) {
      return { port, url: `http://127.0.0.1:${port}`, stop: () => stopProcess(child) };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopProcess(child);
  throw new Error(`${entry} did not become ready within 60 s: ${stderr}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Ready when an HTTP GET on `path` answers 2xx. */
export function answersHttp(path: string): (port: number) => Promise<boolean> {
  return async (port) => (await fetch(`http://127.0.0.1:${port}${path}`)).ok;
}
