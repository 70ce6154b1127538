import type { types } from '@slack/bolt';

/** Slack rejects text objects over 3000 characters; cut long rep input rather than lose the message. */
export const MAX_TEXT = 3000;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Rep-typed text inside mrkdwn: &, <, > must be escaped or Slack reads them as links and mentions. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function plain(text: string, max = MAX_TEXT): types.PlainTextElement {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

export function mrkdwnSection(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, MAX_TEXT) } };
}

export function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, MAX_TEXT) }] };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plain(text, 150) };
}
