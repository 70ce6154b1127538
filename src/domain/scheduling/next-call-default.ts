import { DateTime } from 'luxon';

/**
 * The log modal's starting time for the next call: two business days ahead, at the hour the rep usually
 * books calls. The rep changes it when they agreed another time; most of the time they only confirm it.
 */
export const NEXT_CALL_BUSINESS_DAYS_AHEAD = 2;
/** The hour a rep with no booked calls yet starts from. */
export const DEFAULT_CALL_HOUR = 10;
const SATURDAY = 6;

/** The hour (0-23, in the rep's zone) most of these calls were booked at; on a tie, the one listed first. */
export function usualCallHour(bookedCalls: readonly Date[], zone: string): number {
  const counts = new Map<number, number>();
  let best = DEFAULT_CALL_HOUR;
  let bestCount = 0;
  for (const at of bookedCalls) {
    const hour = localTime(at, zone).hour;
    const count = (counts.get(hour) ?? 0) + 1;
    counts.set(hour, count);
    if (count > bestCount) {
      best = hour;
      bestCount = count;
    }
  }
  return best;
}

/** `businessDays` weekdays after `now`'s local day, at `hour`:00 in `zone` (weekends skipped). */
export function defaultNextCallTime(
  now: Date,
  zone: string,
  hour: number,
  businessDays = NEXT_CALL_BUSINESS_DAYS_AHEAD,
): Date {
  let day = localTime(now, zone).startOf('day');
  for (let left = businessDays; left > 0; ) {
    day = day.plus({ days: 1 });
    if (day.weekday < SATURDAY) left--;
  }
  return day.set({ hour, minute: 0 }).toJSDate();
}

function localTime(at: Date, zone: string): DateTime {
  const local = DateTime.fromJSDate(at, { zone });
  return local.isValid ? local : DateTime.fromJSDate(at, { zone: 'UTC' });
}
