/**
 * An agreed call as an iCalendar file (RFC 5545) the rep forwards to the prospect, so the call is on both
 * calendars, as the method asks.
 */

/** A follow-up call is booked for half an hour unless someone moves the end in their calendar. */
export const CALL_MINUTES = 30;

export interface InvitedCall {
  /** Stable for the next step, so a rescheduled call replaces the event it was instead of adding one. */
  uid: string;
  /** How many times the call's time has changed (RFC 5546 section 2.1.4: it must grow when DTSTART does). */
  sequence: number;
  start: Date;
  title: string;
  /** What the prospect gets from the call: it goes to them, so nothing meant for the rep alone. */
  details: string;
}

/**
 * The VCALENDAR text: CRLF line ends, lines folded at 75 octets, TEXT values escaped (RFC 5545 sections 3.1 and
 * 3.3.11), times in UTC, so no VTIMEZONE is needed and each calendar shows the call in its owner's zone.
 *
 * METHOD:PUBLISH, not REQUEST: the rep forwards the file from their own mail, so nobody is the iTIP organizer
 * replies would go to. REQUEST (RFC 5546 section 3.2.2) asks the receiver to answer the ORGANIZER and name each
 * ATTENDEE by address, and the app knows neither address (it reads no emails). PUBLISH (section 3.2.1) posts
 * an event with no replies expected, which is what adding the call to one's calendar is. RFC 5546 lists an
 * ORGANIZER for PUBLISH too; without an address there is none to give, so the file leaves it out.
 */
export function buildCallInvite(call: InvitedCall, now: Date): string {
  const end = new Date(call.start.getTime() + CALL_MINUTES * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Follow-Up Coach//Next call//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${call.uid}`,
    `SEQUENCE:${call.sequence}`,
    // With a METHOD, DTSTAMP is when this file was made (RFC 5545 section 3.8.7.2): the later one wins a tie.
    `DTSTAMP:${utcDateTime(now)}`,
    `DTSTART:${utcDateTime(call.start)}`,
    `DTEND:${utcDateTime(end)}`,
    `SUMMARY:${escapeText(call.title)}`,
    `DESCRIPTION:${escapeText(call.details)}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

/** RFC 5545 section 3.3.5, form 2 (UTC): 20261201T140000Z. */
function utcDateTime(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * TEXT per RFC 5545 section 3.3.11: backslash, semicolon and comma escaped, a line break written as \n. Other
 * control characters are not allowed in TEXT (only HTAB is), so they are dropped.
 */
function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the control characters TEXT forbids
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,]/g, (character) => `\\${character}`)
      .replace(/\n/g, '\\n')
  );
}

const LINE_OCTETS = 75;
const encoder = new TextEncoder();

/**
 * Folds a content line into lines of at most 75 octets, each continuation starting with one space (which
 * counts), as RFC 5545 section 3.1 asks. It breaks between characters, never inside a UTF-8 sequence (an emoji
 * stays whole on its line), and never between a backslash and the character it escapes.
 */
function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const unit of line.match(/\\.|[\s\S]/gu) ?? []) {
    const size = encoder.encode(unit).length;
    if (octets + size > LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += unit;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}
