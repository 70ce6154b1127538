import type { Logger, LogLevel } from '@slack/bolt';

const SEVERITY = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof SEVERITY;

/**
 * One-line JSON logs on stderr, shared by Bolt and our own code, so a deploy's log search sees one format.
 * Errors are reduced to name, message and code, a failed query to its statement and code: tokens, request
 * bodies and what a rep typed never reach the log.
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
  if (typeof part === 'string') return withoutQueryValues(part);
  if (part instanceof Error) {
    const failedQuery = describeFailedQuery(part);
    if (failedQuery) return failedQuery;
    const code = (part as { code?: unknown }).code;
    return `${part.name}: ${part.message}${code ? ` (${String(code)})` : ''}`;
  }
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}

/**
 * A failed query carries what a rep typed: in its parameters (drizzle's message lists them) and in the
 * database's own message ("invalid input syntax for type bigint: \"...\""). The log keeps what an operator
 * needs, the statement's name and the error code, and never a value.
 */
function describeFailedQuery(error: Error): string | undefined {
  const { query, params } = error as { query?: unknown; params?: unknown };
  const databaseError = typeof query === 'string' && Array.isArray(params) ? error.cause : error;
  const code = sqlState(databaseError);
  if (typeof query === 'string') return `failed query ${statementName(query)}${code ? ` (${code})` : ''}`;
  return code ? `database error (${code})` : undefined;
}

/** A PostgreSQL error: a five-character SQLSTATE `code` and a `severity` (postgres.js and PGlite alike). */
function sqlState(error: unknown): string | undefined {
  const { code, severity } = (error ?? {}) as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string'
    ? code
    : undefined;
}

const FIRST_TABLE = /\b(?:from|into|update)\s+"?([a-z_][a-z0-9_]*)/i;

/** "insert prospects", "select next_steps": the verb and first table, which find the statement in the code. */
function statementName(query: string): string {
  const verb = /^\s*([a-z]+)/i.exec(query)?.[1]?.toLowerCase();
  return [verb, FIRST_TABLE.exec(query)?.[1]].filter(Boolean).join(' ') || 'unnamed';
}

/** Text that embeds a failed query (Bolt interpolates errors into strings) loses everything from `params:` on. */
function withoutQueryValues(text: string): string {
  const at = text.indexOf('Failed query: ');
  if (at < 0) return text;
  return `${text.slice(0, at)}failed query ${statementName(text.slice(at + 'Failed query: '.length))}`;
}

/**
 * The same logger with each secret replaced by [redacted] in every line. The Web API client logs request bodies
 * at debug level and hides only fields named like tokens, so oauth.v2.access's `client_secret` would show.
 */
export function redactingSecrets(logger: Logger, secrets: readonly (string | undefined)[]): Logger {
  const known = secrets.filter((secret): secret is string => Boolean(secret && secret.length >= 8));
  const scrub = (part: unknown) => {
    let text = describe(part);
    for (const secret of known) text = text.split(secret).join('[redacted]');
    return text;
  };
  const at =
    (write: (...parts: unknown[]) => void) =>
    (...parts: unknown[]) =>
      write(...parts.map(scrub));
  return {
    debug: at(logger.debug),
    info: at(logger.info),
    warn: at(logger.warn),
    error: at(logger.error),
    setLevel: logger.setLevel,
    getLevel: logger.getLevel,
    setName: logger.setName,
  };
}
