import { z } from 'zod';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const configSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is required (the xoxb- bot token from your Slack app)' })
    .trim()
    .startsWith('xoxb-', { error: 'must be a bot token starting with xoxb-' }),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith('xapp-', { error: 'must be an app-level token starting with xapp-' }).optional(),
  ),
  SLACK_API_URL: optionalText.pipe(
    z.url({ error: 'must be a URL such as http://127.0.0.1:4000/api/' }).optional(),
  ),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int()
    .min(0)
    .max(65_535, { error: 'must be a port number from 0 to 65535' })
    .default(3000),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
  ),
  DATA_DIR: optionalText.transform((value) => value ?? './.data'),
  WEB_CONCURRENCY: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.coerce
      .number({ error: 'must be a whole number of worker processes' })
      .int({ error: 'must be a whole number of worker processes' })
      .min(1, { error: 'must be at least 1' })
      .max(64, { error: 'must be at most 64' })
      .optional(),
  ),
  LOG_LEVEL: optionalText.pipe(
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  ),
});

export interface Config {
  slack: {
    botToken: string;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string | undefined;
  };
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /** HTTP worker processes sharing the port; more than one needs the PostgreSQL server. */
  workers: number;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; every problem is listed, one line each, so a deploy can be fixed in one pass. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`);
  // Socket Mode needs no signing secret (Slack never calls us over HTTP); the HTTP receiver cannot work without it.
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push(
      'SLACK_SIGNING_SECRET is required unless SLACK_APP_TOKEN selects Socket Mode (Basic Information > Signing Secret)',
    );
  }
  // The embedded database lives inside one process, so only a server can be shared by several workers.
  if (parsed.success && (parsed.data.WEB_CONCURRENCY ?? 1) > 1 && !parsed.data.DATABASE_URL) {
    problems.push(
      'WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database can only be opened by one process',
    );
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const values = parsed.data;
  return {
    slack: {
      botToken: values.SLACK_BOT_TOKEN,
      signingSecret: values.SLACK_SIGNING_SECRET,
      appToken: values.SLACK_APP_TOKEN,
      apiUrl: values.SLACK_API_URL,
    },
    port: values.PORT,
    databaseUrl: values.DATABASE_URL,
    dataDir: values.DATA_DIR,
    workers: values.WEB_CONCURRENCY ?? 1,
    logLevel: values.LOG_LEVEL ?? 'info',
  };
}
