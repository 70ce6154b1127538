/**
 * Slack's escaped message text (https://api.slack.com/reference/surfaces/formatting, "Escaping text" and
 * "Linking to channels and users"): `&`, `<` and `>` arrive as `&amp;`, `&lt;` and `&gt;`, and anything between
 * `<` and `>` is a token: `<@U123|rita>` or `<@U123>` a user, `<#C123|deals>` a channel, `<!here>` or
 * `<!subteam^S1|@sales>` a broadcast, `<!date^...|fallback>` a date, `<https://x.io|label>` a link. Slash
 * commands with `should_escape: true` and message text (shortcuts, events) both arrive this way.
 */

const TOKEN = /<([^<>]*)>/g;
const USER_TOKEN = /^@([UW][A-Z0-9]+)(?:\|(.*))?$/;
const CHANNEL_TOKEN = /^#([CGD][A-Z0-9]+)(?:\|(.*))?$/;

/** Slack user ids mentioned in the text, in order, once each. */
export function mentionedUserIds(text: string): string[] {
  const ids = [...text.matchAll(TOKEN)].flatMap((match) => USER_TOKEN.exec(match[1] ?? '')?.[1] ?? []);
  return [...new Set(ids)];
}

/** Slack user ids mentioned without a readable name (`<@U123>`), whose names must be looked up. */
export function unnamedUserIds(text: string): string[] {
  const ids = [...text.matchAll(TOKEN)].flatMap((match) => {
    const user = USER_TOKEN.exec(match[1] ?? '');
    return user?.[1] && !user[2] ? [user[1]] : [];
  });
  return [...new Set(ids)];
}

/**
 * The text as a person reads it in Slack: entities decoded, `@name` for users (from the token's label, else
 * `names`, else the id), `#name` for channels, a link as "label (url)" or its url, a date as its fallback.
 */
export function readableText(text: string, names: ReadonlyMap<string, string> = new Map()): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    result += decodeEntities(text.slice(last, match.index));
    result += readableToken(match[1] ?? '', names);
    last = match.index + match[0].length;
  }
  return result + decodeEntities(text.slice(last));
}

function readableToken(inner: string, names: ReadonlyMap<string, string>): string {
  const user = USER_TOKEN.exec(inner);
  if (user?.[1]) return `@${decodeEntities(user[2] || names.get(user[1]) || user[1])}`;
  const channel = CHANNEL_TOKEN.exec(inner);
  if (channel?.[1]) return `#${decodeEntities(channel[2] || channel[1])}`;
  const [target = '', label] = splitOnce(inner, '|');
  if (target.startsWith('!')) return decodeEntities(label ?? `@${target.slice(1).split('^')[0]}`);
  const url = decodeEntities(target);
  const shown = label === undefined ? undefined : decodeEntities(label);
  if (!shown || shown === url || `mailto:${shown}` === url) return shown ?? url;
  return `${shown} (${url})`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** Slack escapes only these three; `&amp;` last, so `&amp;lt;` stays the text `&lt;`. */
function decodeEntities(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
