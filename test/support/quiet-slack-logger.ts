import { type Logger, LogLevel } from '@slack/web-api';

/**
 * A logger for Bolt and WebClient that says nothing: tests that refuse signatures or provoke Slack errors on
 * purpose would otherwise fill the output with the SDKs' [ERROR] lines.
 */
export const quietSlackLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};
