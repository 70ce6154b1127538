/**
 * A small Block Kit to HTML renderer, close enough to Slack's look to judge a surface by eye: headers, sections
 * (with fields and accessories), context, actions, dividers, inputs and modal chrome. mrkdwn covers what the
 * app writes: *bold*, _italic_, ~strike~, `code`, > quotes, <@U> mentions, <#C> channels, links, :emoji:.
 */

import { formatLocalTime } from '../../src/slack/blocks/local-time.js';

type Json = Record<string, unknown>;

const EMOJI: Record<string, string> = {
  rotating_light: '🚨',
  calendar: '📅',
  alarm_clock: '⏰',
  bulb: '💡',
  page_facing_up: '📄',
  mag: '🔍',
  busts_in_silhouette: '👥',
  dart: '🎯',
  white_check_mark: '✅',
  zzz: '💤',
  hourglass: '⌛',
  leftwards_arrow_with_hook: '↩️',
  sunny: '☀️',
  warning: '⚠️',
  spiral_calendar_pad: '🗓️',
};

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Slack's own escapes (&amp; &lt; &gt;) become characters again, then HTML-escaped for the page. */
function mrkdwn(text: string, names: Record<string, string>): string {
  const tokens: string[] = [];
  const keep = (html: string) => {
    tokens.push(html);
    return `\uE000${tokens.length - 1}\uE000`;
  };
  let out = text.replace(/<([^>]+)>/g, (_, inner: string) => {
    const [target, label] = inner.split('|');
    if (target?.startsWith('@'))
      return keep(`<span class="mention">@${escapeHtml(names[target.slice(1)] ?? target.slice(1))}</span>`);
    if (target?.startsWith('#'))
      return keep(`<span class="mention">#${escapeHtml(names[target.slice(1)] ?? 'channel')}</span>`);
    return keep(`<a>${escapeHtml(label ?? target ?? '')}</a>`);
  });
  out = out.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  out = escapeHtml(out);
  out = out.replace(/`([^`]+)`/g, (_, code: string) => keep(`<code>${code}</code>`));
  out = out.replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<b>$2</b>');
  out = out.replace(/(^|[\s(>])_([^_\n]+)_/g, '$1<i>$2</i>');
  out = out.replace(/(^|\s)~([^~\n]+)~/g, '$1<s>$2</s>');
  out = out.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
  out = out
    .split('\n')
    .map((line) => (line.startsWith('&gt;') ? `<span class="quote">${line.slice(4)}</span>` : line))
    .join('<br>');
  return out.replace(/\uE000(\d+)\uE000/g, (_, index: string) => tokens[Number(index)] ?? '');
}

function textOf(object: unknown, names: Record<string, string>): string {
  const text = object as { type?: string; text?: string } | undefined;
  if (!text?.text) return '';
  return text.type === 'mrkdwn' ? mrkdwn(text.text, names) : escapeHtml(text.text).replaceAll('\n', '<br>');
}

function element(el: Json, names: Record<string, string>, zone = 'UTC'): string {
  switch (el.type) {
    case 'button':
      return `<span class="button ${el.style ?? ''}">${textOf(el.text, names)}</span>`;
    case 'overflow':
      return '<span class="button overflow">⋯</span>';
    case 'static_select':
    case 'external_select': {
      const initial = (el.initial_option as Json | undefined)?.text;
      const shown = initial
        ? textOf(initial, names)
        : `<span class="placeholder">${textOf(el.placeholder, names) || 'Select…'}</span>`;
      return `<span class="select">${shown}<span class="caret">▾</span></span>`;
    }
    case 'plain_text_input': {
      const value =
        typeof el.initial_value === 'string'
          ? escapeHtml(el.initial_value)
          : `<span class="placeholder">${textOf(el.placeholder, names)}</span>`;
      return `<div class="input ${el.multiline ? 'multiline' : ''}">${value}</div>`;
    }
    case 'datepicker':
      return `<span class="select">📅 ${escapeHtml(String(el.initial_date ?? 'Pick a date'))}</span>`;
    case 'timepicker':
      return `<span class="select">🕘 ${escapeHtml(String(el.initial_time ?? 'Pick a time'))}</span>`;
    case 'datetimepicker': {
      const at = typeof el.initial_date_time === 'number' ? new Date(el.initial_date_time * 1000) : null;
      const shown = at ? formatLocalTime(at, zone) : 'Pick a date and time';
      return `<span class="select">📅 ${shown}</span>`;
    }
    case 'checkboxes':
    case 'radio_buttons': {
      const initial = new Set(
        ((el.initial_options as Json[] | undefined) ?? [(el.initial_option as Json) ?? {}]).map(
          (o) => o.value,
        ),
      );
      const box = el.type === 'checkboxes' ? ['☐', '☑'] : ['○', '◉'];
      return ((el.options as Json[]) ?? [])
        .map(
          (o) =>
            `<div class="choice">${initial.has(o.value) ? box[1] : box[0]} ${textOf(o.text, names)}</div>`,
        )
        .join('');
    }
    default:
      return `<span class="placeholder">[${escapeHtml(String(el.type))}]</span>`;
  }
}

function block(b: Json, names: Record<string, string>, zone: string): string {
  switch (b.type) {
    case 'header':
      return `<div class="header">${textOf(b.text, names)}</div>`;
    case 'divider':
      return '<hr>';
    case 'context':
      return `<div class="context">${((b.elements as Json[]) ?? []).map((e) => textOf(e, names)).join(' ')}</div>`;
    case 'actions':
      return `<div class="actions">${((b.elements as Json[]) ?? []).map((e) => element(e, names)).join('')}</div>`;
    case 'section': {
      const fields =
        (b.fields as Json[] | undefined)?.map((f) => `<div>${textOf(f, names)}</div>`).join('') ?? '';
      const accessory = b.accessory
        ? `<div class="accessory">${element(b.accessory as Json, names)}</div>`
        : '';
      return `<div class="section"><div class="body">${textOf(b.text, names)}${fields ? `<div class="fields">${fields}</div>` : ''}</div>${accessory}</div>`;
    }
    case 'input': {
      const optional = b.optional ? ' <span class="optional">(optional)</span>' : '';
      const hint = b.hint ? `<div class="hint">${textOf(b.hint, names)}</div>` : '';
      return `<div class="field"><label>${textOf(b.label, names)}${optional}</label>${element(b.element as Json, names, zone)}${hint}</div>`;
    }
    default:
      return `<div class="placeholder">[${escapeHtml(String(b.type))}]</div>`;
  }
}

const STYLE = `
body { margin: 0; background: #f4f4f4; font: 15px/1.46 -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; color: #1d1c1d; }
.frame { background: #fff; margin: 16px; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.15); overflow: hidden; }
.message { display: flex; gap: 10px; padding: 14px 18px; }
.avatar { width: 36px; height: 36px; border-radius: 6px; background: #1d4e89; color: #fff; font-weight: 700; display: flex; align-items: center; justify-content: center; flex: none; }
.who { font-weight: 800; } .who .app { font-size: 11px; background: #e8e8e8; color: #616061; border-radius: 3px; padding: 1px 4px; margin-left: 4px; font-weight: 600; }
.who .time { color: #616061; font-weight: 400; font-size: 12px; margin-left: 6px; }
.content { flex: 1; min-width: 0; }
.header { font-size: 18px; font-weight: 800; margin: 4px 0 6px; }
.section { display: flex; gap: 12px; margin: 6px 0; } .section .body { flex: 1; } .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; }
.context { color: #616061; font-size: 12.5px; margin: 2px 0 6px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0 12px; }
.button { display: inline-block; border: 1px solid #c7c7c7; border-radius: 4px; padding: 3px 12px; font-weight: 700; font-size: 13.5px; background: #fff; }
.button.primary { background: #007a5a; border-color: #007a5a; color: #fff; } .button.overflow { padding: 3px 9px; }
hr { border: none; border-top: 1px solid #e8e8e8; margin: 12px 0; }
code { background: #f6f6f6; border: 1px solid #e0e0e0; border-radius: 3px; padding: 0 3px; color: #c01343; font-size: 12.5px; }
.quote { display: inline-block; border-left: 4px solid #ddd; padding-left: 10px; color: #454245; }
.mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
a { color: #1264a3; }
.modal { width: 520px; margin: 16px auto; } .modal .title { padding: 16px 20px; font-size: 20px; font-weight: 800; border-bottom: 1px solid #e8e8e8; }
.modal .blocks { padding: 12px 20px; } .modal .footer { display: flex; justify-content: flex-end; gap: 8px; padding: 14px 20px; border-top: 1px solid #e8e8e8; }
.field { margin: 10px 0 14px; } .field label { display: block; font-weight: 700; margin-bottom: 6px; } .optional { color: #616061; font-weight: 400; }
.input, .select { display: block; border: 1px solid #bbb; border-radius: 4px; padding: 7px 10px; min-height: 20px; }
.input.multiline { min-height: 60px; } .select { display: flex; justify-content: space-between; } .caret { color: #616061; }
.placeholder { color: #8d8d8d; } .hint { color: #616061; font-size: 12.5px; margin-top: 4px; } .choice { margin: 4px 0; }
.home { padding: 18px 24px; }
`;

export interface Surface {
  kind: 'message' | 'modal' | 'home';
  /** A message's blocks, or a view. */
  payload: Json;
  /** The viewer's zone, for date pickers (Slack shows them in the viewer's zone). */
  timeZone?: string;
  /** Display names for <@U...> and <#C...>. */
  names?: Record<string, string>;
}

/** One page for one surface, sized like Slack's: a message column, a 520 px modal, a wide Home tab. */
export function renderSurface(surface: Surface): string {
  const names = surface.names ?? {};
  const blocks = ((surface.payload.blocks as Json[]) ?? [])
    .map((b) => block(b, names, surface.timeZone ?? 'UTC'))
    .join('\n');
  let body: string;
  if (surface.kind === 'message') {
    body = `<div class="frame"><div class="message"><div class="avatar">FC</div><div class="content">
      <div class="who">Follow-Up Coach<span class="app">APP</span><span class="time">8:30 AM</span></div>${blocks}</div></div></div>`;
  } else if (surface.kind === 'modal') {
    const view = surface.payload;
    const submit = view.submit ? `<span class="button primary">${textOf(view.submit, names)}</span>` : '';
    body = `<div class="frame modal"><div class="title">${textOf(view.title, names)}</div><div class="blocks">${blocks}</div>
      <div class="footer"><span class="button">${textOf(view.close, names) || 'Cancel'}</span>${submit}</div></div>`;
  } else {
    body = `<div class="frame home">${blocks}</div>`;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${body}</body></html>`;
}
