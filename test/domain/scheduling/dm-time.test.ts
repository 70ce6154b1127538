import { describe, expect, it } from 'vitest';
import { latestDigestSlot, localInstant } from '../../../src/domain/scheduling/dm-time.js';

const at = (iso: string) => new Date(iso);
const DM = { hour: 8, minute: 30 };

// Whether a rep's DM time has come, and a call's reminder, are decided by the sweeps' queries (one place, measured
// in the due-sweep benchmark); their DST and lead-time cases run against a real database in test/jobs.
describe('a wall-clock time on a local day', () => {
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
  });

  it('puts UTC+13 and UTC-10 on different days on the same tick', () => {
    const tick = at('2025-06-10T19:30:00Z');
    // Tongatapu: 08:30 on 11 June. Honolulu: 09:30 on 10 June.
    expect(localInstant('Pacific/Tongatapu', '2025-06-11', DM)).toEqual(tick);
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
