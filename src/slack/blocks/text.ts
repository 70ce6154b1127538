import type { types } from '@slack/bolt';

/** Slack rejects text objects over 3000 characters; cut long rep input rather than lose the message. */
export const MAX_TEXT = 3000;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * At most `max` UTF-16 units (Slack counts characters as JavaScript does), cut on a grapheme boundary so an
 * emoji, a flag or an accented letter is never split into a broken glyph.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > max - 1) break;
    kept += segment;
  }
  return `${kept}…`;
}

/** Like clip, but ends on a whole word when one ends in the last quarter, so a one-line plan reads cleanly. */
export function clipAtWord(text: string, max: number): string {
  const clipped = clip(text, max);
  if (clipped === text) return text;
  const lastSpace = clipped.lastIndexOf(' ');
  return lastSpace >= max * 0.75 ? `${clipped.slice(0, lastSpace).replace(/[\s,;:.·-]+$/, '')}…` : clipped;
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
