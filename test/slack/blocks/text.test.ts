import { describe, expect, it } from 'vitest';
import { renderConfirmationMessage } from '../../../src/slack/blocks/confirmation.js';
import { renderDueListMessage } from '../../../src/slack/blocks/due-list.js';
import { renderHelpMessage } from '../../../src/slack/blocks/help.js';
import { renderHomeView } from '../../../src/slack/blocks/home.js';
import { formatDay, formatLocalTime } from '../../../src/slack/blocks/local-time.js';
import { clip } from '../../../src/slack/blocks/text.js';

const empty = { rows: [], total: 0 };

describe('text the app writes', () => {
  it('clips long text without splitting an emoji, a flag or an accented letter', () => {
    expect(clip('Call 👩‍👩‍👧 back', 8)).toBe('Call …');
    expect(clip('🇩🇪🇩🇪🇩🇪', 5)).toBe('🇩🇪…');
    expect(clip('Zoë', 3)).toBe('Zoë');
    expect(clip('Zoe\u0308 Müller', 4)).toBe('Zo…');
  });

  it('writes times the way a rep says them, with a short zone name', () => {
    const at = new Date('2026-12-01T14:00:00Z');
    expect(formatLocalTime(at, 'America/New_York')).toBe('Tue 1 Dec, 9:00 ET');
    expect(formatLocalTime(at, 'Europe/Berlin')).toBe('Tue 1 Dec, 15:00 CET');
    expect(formatLocalTime(new Date('2026-06-01T14:00:00Z'), 'Europe/London')).toBe('Mon 1 Jun, 15:00 BST');
    expect(formatLocalTime(at, 'Asia/Tokyo')).toBe('Tue 1 Dec, 23:00 GMT+9');
    expect(formatLocalTime(at, 'UTC')).toBe('Tue 1 Dec, 14:00 UTC');
    expect(formatDay('2026-12-01')).toBe('Tue 1 Dec');
  });

  it('shows <prospect> in help, the empty due list and the Home tab as typed, not as a link', () => {
    const help = renderHelpMessage([
      { usage: '/followup log <prospect>', description: 'logs a call & plans' },
    ]);
    const helpBlocks = JSON.stringify(help.blocks);
    expect(helpBlocks).toContain('/followup log &lt;prospect&gt;');
    expect(helpBlocks).toContain('logs a call &amp; plans');
    const model = { day: '2026-12-01', timeZone: 'America/New_York', overdue: empty, today: empty };
    expect(JSON.stringify(renderDueListMessage(model).blocks)).toContain('&lt;prospect&gt;');
    const home = JSON.stringify(renderHomeView({ ...model, stalled: empty, revisit: empty }).blocks);
    expect(home).toContain('/followup log &lt;prospect&gt;');
    expect(home).toContain('Today is Tue 1 Dec (ET)');
    expect(home).not.toMatch(/<prospect>|America\/New_York|2026-12-01/);
  });
});

describe('calendar links on an agreed call', () => {
  it('offers Google Calendar and Outlook event templates for the call, half an hour long', () => {
    const message = renderConfirmationMessage(
      {
        prospect: { contactName: 'Dana', company: 'Acme & Co' },
        outcome: 'connected',
        summary: null,
        nextStep: {
          id: 9,
          dueAt: new Date('2026-12-01T14:00:00Z'),
          agreed: true,
          valueReason: 'price_drop',
          plan: 'Show the <new> quote | 15% off',
        },
        revisitAt: null,
        coachTip: null,
        timeZone: 'America/New_York',
      },
      { alreadySaved: false },
    );
    const links =
      JSON.stringify(message.blocks).match(/<(https:[^|>]+)\|Add to (Google Calendar|Outlook)>/g) ?? [];
    expect(links).toHaveLength(2);
    const [google, outlook] = links.map((link) => new URL(link.slice(1, link.indexOf('|'))));
    expect(google?.searchParams.get('dates')).toBe('20261201T140000Z/20261201T143000Z');
    expect(google?.searchParams.get('text')).toBe('Call: Dana (Acme & Co)');
    expect(outlook?.searchParams.get('startdt')).toBe('2026-12-01T14:00:00.000Z');
    expect(outlook?.searchParams.get('body')).toBe('Show the <new> quote | 15% off');
  });
});
