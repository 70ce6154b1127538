import { describe, expect, it } from 'vitest';
import {
  hasLocalTimePassed,
  latestDigestSlot,
  localInstant,
} from '../../../src/domain/scheduling/dm-time.js';
import { isReminderDue } from '../../../src/domain/scheduling/reminder.js';

const at = (iso: string) => new Date(iso);
const DM = { hour: 8, minute: 30 };

describe('the due-call DM time', () => {
  it('is 08:30 on the rep’s own wall clock, before and after a DST change (New York and Berlin)', () => {
    expect(localInstant('America/New_York', '2025-03-08', DM)).toEqual(at('2025-03-08T13:30:00Z'));
    expect(localInstant('America/New_York', '2025-03-10', DM)).toEqual(at('2025-03-10T12:30:00Z'));
    expect(localInstant('Europe/Berlin', '2025-03-29', DM)).toEqual(at('2025-03-29T07:30:00Z'));
    expect(localInstant('Europe/Berlin', '2025-03-31', DM)).toEqual(at('2025-03-31T06:30:00Z'));
    expect(localInstant('Europe/Berlin', '2025-10-27', DM)).toEqual(at('2025-10-27T07:30:00Z'));
  });

  it('fires at the end of a spring-forward gap when the chosen time does not exist that day', () => {
    // 02:30 does not exist in New York on 9 March 2025: clocks jump from 02:00 to 03:00 (07:00 UTC).
    expect(localInstant('America/New_York', '2025-03-09', { hour: 2, minute: 30 })).toEqual(
      at('2025-03-09T07:00:00Z'),
    );
    expect(hasLocalTimePassed('America/New_York', { hour: 2, minute: 30 }, at('2025-03-09T06:59:00Z'))).toBe(
      false,
    );
    expect(hasLocalTimePassed('America/New_York', { hour: 2, minute: 30 }, at('2025-03-09T07:00:00Z'))).toBe(
      true,
    );
  });

  it('is reached on the fall-back day at the first 01:30 (the per-day key keeps the second one silent)', () => {
    const zone = 'Europe/Berlin';
    expect(hasLocalTimePassed(zone, { hour: 2, minute: 30 }, at('2025-10-26T00:29:00Z'))).toBe(false);
    expect(hasLocalTimePassed(zone, { hour: 2, minute: 30 }, at('2025-10-26T00:30:00Z'))).toBe(true);
    expect(hasLocalTimePassed(zone, { hour: 2, minute: 30 }, at('2025-10-26T01:30:00Z'))).toBe(true);
  });

  it('puts a rep in UTC+13 and one in UTC-10 on different days on the same tick', () => {
    const tick = at('2025-06-10T19:30:00Z');
    // Tongatapu: 08:30 on 11 June. Honolulu: 09:30 on 10 June.
    expect(hasLocalTimePassed('Pacific/Tongatapu', DM, tick)).toBe(true);
    expect(hasLocalTimePassed('Pacific/Honolulu', DM, tick)).toBe(true);
    expect(localInstant('Pacific/Tongatapu', '2025-06-11', DM)).toEqual(tick);
    expect(hasLocalTimePassed('Pacific/Tongatapu', DM, at('2025-06-10T19:29:00Z'))).toBe(false);
  });
});

describe('the digest slot', () => {
  const weekdays = { hour: 9, minute: 0, weekdays: [1, 2, 3, 4, 5] };

  it('is today’s once the manager’s local hour has come on a configured weekday', () => {
    // Tuesday 10 June 2025, 09:05 in London.
    const slot = latestDigestSlot('Europe/London', weekdays, at('2025-06-10T08:05:00Z'));
    expect(slot).toEqual({ day: '2025-06-10', at: at('2025-06-10T08:00:00Z'), late: false });
  });

  it('goes out once, marked late, when its whole day was missed', () => {
    // Saturday 14 June: Friday's digest never went out.
    const slot = latestDigestSlot('Europe/London', weekdays, at('2025-06-14T10:00:00Z'));
    expect(slot).toMatchObject({ day: '2025-06-13', late: true });
  });

  it('is none when no weekday is configured', () => {
    expect(
      latestDigestSlot('UTC', { hour: 9, minute: 0, weekdays: [] }, at('2025-06-10T10:00:00Z')),
    ).toBeUndefined();
  });
});

describe('the pre-call reminder', () => {
  it('is due inside the lead time and not after the call started', () => {
    const dueAt = at('2025-06-10T14:00:00Z');
    expect(isReminderDue(dueAt, 15, at('2025-06-10T13:44:00Z'))).toBe(false);
    expect(isReminderDue(dueAt, 15, at('2025-06-10T13:45:00Z'))).toBe(true);
    expect(isReminderDue(dueAt, 15, at('2025-06-10T14:00:00Z'))).toBe(false);
  });
});
