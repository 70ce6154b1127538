import { z } from 'zod';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** 32 random bytes in base64 (`openssl rand -base64 32`): the AES-256-GCM key that seals stored bot tokens. */
const tokenKey = optionalText.pipe(
  z
    .string()
    .transform((value) => Buffer.from(value, 'base64'))
    .refine((key) => key.length === 32, {
      error: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
    })
    .optional(),
);

const tokenKeySchema = z.object({
  TOKEN_ENCRYPTION_KEY: tokenKey,
  TOKEN_ENCRYPTION_KEY_PREVIOUS: tokenKey,
});

const configSchema = tokenKeySchema.extend({
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith('xoxb-', { error: 'must be a bot token starting with xoxb-' }).optional(),
  ),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
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

/** The keys that seal stored bot tokens: `current` seals and opens, `previous` (during a rotation) only opens. */
export interface TokenKeys {
  current: Buffer;
  previous: Buffer | undefined;
}

/**
 * One workspace with the bot token pasted from the app's settings, or any number of workspaces installed through
 * Slack's OAuth flow, each with its own token kept (sealed) in the database.
 */
export type SlackInstallConfig =
  | { kind: 'single-workspace'; botToken: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; stateSecret: string; tokenKeys: TokenKeys };

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

export interface Config {
  slack: {
    install: SlackInstallConfig;
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
  const problems = parsed.success ? [] : describeIssues(parsed.error);
  problems.push(...installProblems(env));
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
      install: installConfig(values),
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

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`);
}

const isSet = (env: NodeJS.ProcessEnv, name: string) => Boolean(env[name]?.trim());

/** Either the bot token of one workspace, or all three OAuth variables and the key that seals their tokens. */
function installProblems(env: NodeJS.ProcessEnv): string[] {
  const oauthSet = OAUTH_VARIABLES.filter((name) => isSet(env, name));
  if (oauthSet.length === 0) {
    return isSet(env, 'SLACK_BOT_TOKEN')
      ? []
      : [
          'SLACK_BOT_TOKEN is required (the xoxb- bot token from your Slack app), unless SLACK_CLIENT_ID, ' +
            'SLACK_CLIENT_SECRET and SLACK_STATE_SECRET install the app through OAuth',
        ];
  }
  const problems = OAUTH_VARIABLES.filter((name) => !isSet(env, name)).map(
    (name) =>
      `${name} is required when ${oauthSet.join(' and ')} ${oauthSet.length > 1 ? 'are' : 'is'} set (OAuth install)`,
  );
  if (!isSet(env, 'TOKEN_ENCRYPTION_KEY')) {
    problems.push(
      'TOKEN_ENCRYPTION_KEY is required with OAuth install: 32 random bytes in base64 (openssl rand -base64 32)',
    );
  }
  if (isSet(env, 'SLACK_BOT_TOKEN')) {
    problems.push(
      'SLACK_BOT_TOKEN must not be set with OAuth install: each workspace gets its own token when it installs the app',
    );
  }
  return problems;
}

function installConfig(values: z.infer<typeof configSchema>): SlackInstallConfig {
  const {
    SLACK_CLIENT_ID: clientId,
    SLACK_CLIENT_SECRET: clientSecret,
    SLACK_STATE_SECRET: stateSecret,
  } = values;
  const current = values.TOKEN_ENCRYPTION_KEY;
  if (clientId && clientSecret && stateSecret && current) {
    const tokenKeys = { current, previous: values.TOKEN_ENCRYPTION_KEY_PREVIOUS };
    return { kind: 'oauth', clientId, clientSecret, stateSecret, tokenKeys };
  }
  if (!values.SLACK_BOT_TOKEN) throw new ConfigError(installProblems({}));
  return { kind: 'single-workspace', botToken: values.SLACK_BOT_TOKEN };
}

/**
 * The token keys alone, for commands that open stored tokens without serving Slack (`followup jobs`):
 * undefined when TOKEN_ENCRYPTION_KEY is unset, which means the single-workspace bot token.
 */
export function loadTokenKeys(env: NodeJS.ProcessEnv): TokenKeys | undefined {
  const parsed = tokenKeySchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  const current = parsed.data.TOKEN_ENCRYPTION_KEY;
  return current ? { current, previous: parsed.data.TOKEN_ENCRYPTION_KEY_PREVIOUS } : undefined;
}
