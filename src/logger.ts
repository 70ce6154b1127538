import type { Logger, LogLevel } from '@slack/bolt';

const SEVERITY = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof SEVERITY;

/**
 * One-line JSON logs on stderr, shared by Bolt and our own code, so a deploy's log search sees one format.
 * Errors are reduced to name, message and code: tokens and request bodies never reach the log.
 */
export function createLogger(
  level: Level,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  let threshold: Level = level;
  let name = 'followup';
  const log =
    (at: Level) =>
    (...parts: unknown[]) => {
      if (SEVERITY[at] < SEVERITY[threshold]) return;
      const message = parts.map(describe).join(' ');
      write(`${JSON.stringify({ time: new Date().toISOString(), level: at, name, message })}\n`);
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    setLevel: (next: LogLevel) => {
      threshold = next as Level;
    },
    getLevel: () => threshold as LogLevel,
    setName: (next: string) => {
      name = next;
    },
  };
}

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) {
    const code = (part as { code?: unknown }).code;
    return `${part.name}: ${part.message}${code ? ` (${String(code)})` : ''}`;
  }
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}
