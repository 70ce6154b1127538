import { describe, expect, it } from 'vitest';
import { revisitDate } from '../../../src/domain/scheduling/revisit-date.js';
import { REVISIT_AFTER_DAYS } from '../../../src/domain/settings.js';

const YEAR = REVISIT_AFTER_DAYS.default;

describe('the second-chance date of a prospect who said no', () => {
  it('comes the method’s year later by default, the workspace’s number of days when it set one', () => {
    const now = new Date('2025-06-02T08:00:00Z');
    expect(revisitDate({ outcome: 'lost', now, revisitAfterDays: YEAR, zone: 'Europe/Berlin' })).toEqual(
      new Date('2026-06-02T08:00:00Z'),
    );
    expect(
      revisitDate({ outcome: 'not_interested', now, revisitAfterDays: 180, zone: 'Europe/Berlin' }),
    ).toEqual(new Date('2025-11-29T09:00:00Z'));
  });

  it('falls on the same local date and time across a change of clocks', () => {
    // 00:30 on 2 June in Berlin (summer time) is 22:30 UTC on 1 June. Counting 180 days of 24 hours lands on
    // 23:30 on 28 November, winter time: the day before. The rep's calendar says 29 November, 00:30.
    const summerNight = new Date('2025-06-01T22:30:00Z');
    expect(
      revisitDate({ outcome: 'lost', now: summerNight, revisitAfterDays: 180, zone: 'Europe/Berlin' }),
    ).toEqual(new Date('2025-11-28T23:30:00Z'));
    // And the other way: 9:00 in New York in January is 9:00 in July, an hour earlier in UTC.
    const winterMorning = new Date('2025-01-15T14:00:00Z');
    expect(
      revisitDate({
        outcome: 'not_interested',
        now: winterMorning,
        revisitAfterDays: 181,
        zone: 'America/New_York',
      }),
    ).toEqual(new Date('2025-07-15T13:00:00Z'));
  });

  it('counts in UTC for a zone it does not know', () => {
    const now = new Date('2025-06-02T08:00:00Z');
    expect(revisitDate({ outcome: 'lost', now, revisitAfterDays: 10, zone: 'Mars/Olympus' })).toEqual(
      new Date('2025-06-12T08:00:00Z'),
    );
  });

  it('gives no date to a won deal or to any outcome that keeps the deal open', () => {
    const now = new Date('2025-06-02T08:00:00Z');
    for (const outcome of ['won', 'connected', 'voicemail', 'meeting_booked'] as const) {
      expect(revisitDate({ outcome, now, revisitAfterDays: YEAR, zone: 'UTC' })).toBeNull();
    }
  });
});
