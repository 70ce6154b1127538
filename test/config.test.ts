import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration from the environment', () => {
  it('names both Slack credentials when neither is set', () => {
    const problems = problemsOf({});
    expect(problems.some((line) => line.startsWith('SLACK_BOT_TOKEN'))).toBe(true);
    expect(problems.some((line) => line.startsWith('SLACK_SIGNING_SECRET'))).toBe(true);
  });

  it('lists every malformed value at once, one line each', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_SIGNING_SECRET: 'secret',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db',
      SLACK_API_URL: 'not a url',
      LOG_LEVEL: 'chatty',
    });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.every((line) => !line.includes('\n'))).toBe(true);
  });

  it('defaults to HTTP on port 3000 with the embedded database in ./.data', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' });
    expect(config).toMatchObject({
      port: 3000,
      dataDir: './.data',
      databaseUrl: undefined,
      logLevel: 'info',
    });
    expect(config.slack.appToken).toBeUndefined();
  });

  it('runs one process unless WEB_CONCURRENCY asks for more, which needs the PostgreSQL server', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    expect(loadConfig({ ...base, WEB_CONCURRENCY: '' }).workers).toBe(1);
    expect(loadConfig({ ...base, WEB_CONCURRENCY: '2', DATABASE_URL: 'postgres://db/app' }).workers).toBe(2);
    expect(() => loadConfig({ ...base, WEB_CONCURRENCY: '2' })).toThrow(/WEB_CONCURRENCY .*DATABASE_URL/);
    expect(() => loadConfig({ ...base, WEB_CONCURRENCY: 'two' })).toThrow(/WEB_CONCURRENCY must be/);
  });

  it('accepts Socket Mode without a signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(config.slack.appToken).toBe('xapp-1');
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      DATABASE_URL: '',
      SLACK_API_URL: ' ',
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.slack.apiUrl).toBeUndefined();
  });

  describe('installing in many workspaces through OAuth', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const oauth = {
      SLACK_SIGNING_SECRET: 's',
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret',
      TOKEN_ENCRYPTION_KEY: key,
    };

    it('needs no bot token when the three OAuth variables and the token key are set', () => {
      const { install } = loadConfig(oauth).slack;
      expect(install).toMatchObject({ kind: 'oauth', clientId: '123.456', stateSecret: 'state-secret' });
      expect(install.kind === 'oauth' && install.tokenKeys.current.length).toBe(32);
    });

    it('names each missing OAuth variable and the missing key', () => {
      const problems = problemsOf({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '123.456' });
      expect(problems.filter((line) => line.startsWith('SLACK_CLIENT_SECRET is required'))).toHaveLength(1);
      expect(problems.filter((line) => line.startsWith('SLACK_STATE_SECRET is required'))).toHaveLength(1);
      expect(problems.filter((line) => line.startsWith('TOKEN_ENCRYPTION_KEY is required'))).toHaveLength(1);
      expect(problems.some((line) => line.startsWith('SLACK_BOT_TOKEN'))).toBe(false);
    });

    it('refuses a key that is not 32 bytes, and a bot token beside OAuth', () => {
      const problems = problemsOf({
        ...oauth,
        TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64'),
        TOKEN_ENCRYPTION_KEY_PREVIOUS: 'short',
        SLACK_BOT_TOKEN: 'xoxb-1',
      });
      expect(problems.some((line) => line.startsWith('TOKEN_ENCRYPTION_KEY must be 32 random bytes'))).toBe(
        true,
      );
      expect(problems.some((line) => line.startsWith('TOKEN_ENCRYPTION_KEY_PREVIOUS must be 32'))).toBe(true);
      expect(problems.some((line) => line.startsWith('SLACK_BOT_TOKEN must not be set with OAuth'))).toBe(
        true,
      );
    });

    it('keeps the single-workspace bot token when no OAuth variable is set', () => {
      const { install } = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack;
      expect(install).toEqual({ kind: 'single-workspace', botToken: 'xoxb-1' });
    });
  });
});
