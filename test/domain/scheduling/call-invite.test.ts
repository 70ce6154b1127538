import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  buildCallInvite,
  CALL_MINUTES,
  type InvitedCall,
} from '../../../src/domain/scheduling/call-invite.js';

const NOW = new Date('2026-12-01T09:15:00Z');
const CALL: InvitedCall = {
  uid: '3f2b8c1e-9a4d-8e21-b7c3-5d6e7f809a1b',
  sequence: 0,
  start: new Date('2026-12-03T14:00:00Z'),
  title: 'Call: Dana Reyes (Acme) / Rita Rep',
  details: 'Their R740 warranty ends 14 December: walk through the renewal quote',
};

/** The invite as a calendar program reads it (ical.js, the parser of Thunderbird). */
function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

/** The physical lines, without their CRLF. */
function physicalLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n');
}

describe('the calendar invite of an agreed call', () => {
  it('is one VEVENT, published, at the agreed time in UTC for half an hour, with the plan as its description', () => {
    const text = buildCallInvite(CALL, NOW);
    const { calendar, vevent, event } = parsed(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(event.uid).toBe(CALL.uid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe(CALL.title);
    expect(event.description).toBe(CALL.details);
    expect(event.startDate.toJSDate()).toEqual(CALL.start);
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.endDate.toJSDate().getTime() - CALL.start.getTime()).toBe(CALL_MINUTES * 60_000);
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate()).toEqual(NOW);
    expect(text).toContain('\r\nDTSTART:20261203T140000Z\r\n');
  });

  it('ends every line with CRLF and has no bare line feed or carriage return', () => {
    const text = buildCallInvite({ ...CALL, details: 'one\ntwo\r\nthree\rfour' }, NOW);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(parsed(text).event.description).toBe('one\ntwo\nthree\nfour');
  });

  it('escapes commas, semicolons, backslashes and line breaks in text (RFC 5545 3.3.11)', () => {
    const details = 'Bring the quote; the 3 sites, and C:\\fleet\\list.\nThen the price drop.';
    const text = buildCallInvite({ ...CALL, title: 'Call: Ravi, Contoso; EU', details }, NOW);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'DESCRIPTION:Bring the quote\\; the 3 sites\\, and C:\\\\fleet\\\\list.\\nThen the price drop.\r\n',
    );
    expect(unfolded).toContain('SUMMARY:Call: Ravi\\, Contoso\\; EU\r\n');
    const { event } = parsed(text);
    expect(event.description).toBe(details);
    expect(event.summary).toBe('Call: Ravi, Contoso; EU');
  });

  it('drops the control characters text may not hold, and keeps tabs', () => {
    const text = buildCallInvite({ ...CALL, details: 'a\u0000b\u0007c\u001bd\te\u007f' }, NOW);
    expect(parsed(text).event.description).toBe('abcd\te');
  });

  it('folds long lines at 75 octets, each continuation starting with one space, and unfolds to the same text', () => {
    const details = `${'Walk through the renewal quote line by line with the fleet manager. '.repeat(8)}End.`;
    const text = buildCallInvite({ ...CALL, details }, NOW);
    const lines = physicalLines(text);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const description = lines.findIndex((line) => line.startsWith('DESCRIPTION:'));
    expect(lines[description]).toHaveLength(75);
    expect(lines[description + 1]?.startsWith(' ')).toBe(true);
    expect(lines[description + 1]?.startsWith('  ')).toBe(false);
    expect(parsed(text).event.description).toBe(details);
  });

  it('never splits an emoji or an accented letter across lines', () => {
    const details = `Café with Zoë 👋🏽 ${'🎉'.repeat(30)} then 👨‍👩‍👧‍👦 and the 🇩🇪 office, ${'é'.repeat(60)}`;
    const text = buildCallInvite({ ...CALL, details }, NOW);
    for (const line of physicalLines(text)) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Each line on its own is whole UTF-8: decoding it gives back exactly the characters it holds.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(line);
    }
    expect(parsed(text).event.description).toBe(details);
  });

  it('never separates a backslash from the character it escapes', () => {
    for (let pad = 0; pad < 4; pad++) {
      const details = `${'x'.repeat(60 + pad)}${',;\\\n'.repeat(10)}`;
      const text = buildCallInvite({ ...CALL, details }, NOW);
      for (const line of physicalLines(text)) {
        const trailing = line.match(/\\+$/)?.[0].length ?? 0;
        expect(trailing % 2, line).toBe(0);
      }
      expect(parsed(text).event.description).toBe(details);
    }
  });

  it('keeps the UID of the call and carries the time revision as SEQUENCE, so a reschedule replaces the event', () => {
    const first = parsed(buildCallInvite(CALL, NOW)).event;
    const moved = parsed(
      buildCallInvite(
        { ...CALL, sequence: 1, start: new Date('2026-12-04T10:00:00Z') },
        new Date('2026-12-02T08:00:00Z'),
      ),
    ).event;
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(moved.startDate.toJSDate()).toEqual(new Date('2026-12-04T10:00:00Z'));
  });
});
