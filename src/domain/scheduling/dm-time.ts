import { DateTime } from 'luxon';

export interface LocalClock {
  hour: number;
  minute: number;
}

function localOf(zone: string, now: Date): DateTime {
  const local = DateTime.fromJSDate(now, { zone });
  return local.isValid ? local : DateTime.fromJSDate(now, { zone: 'UTC' });
}

function minutesOfDay(local: DateTime): number {
  return local.hour * 60 + local.minute;
}

/**
 * The first instant of local day `day` (YYYY-MM-DD) in `zone` at which the wall clock reads `at` or later;
 * a time inside a spring-forward gap maps to the end of the gap.
 */
export function localInstant(zone: string, day: string, at: LocalClock): Date {
  const wanted = at.hour * 60 + at.minute;
  let candidate = DateTime.fromISO(day, { zone }).set({
    hour: at.hour,
    minute: at.minute,
    second: 0,
    millisecond: 0,
  });
  if (!candidate.isValid)
    candidate = DateTime.fromISO(day, { zone: 'UTC' }).set({ hour: at.hour, minute: at.minute });
  // luxon moves a time inside a gap forward by the gap's length (02:30 -> 03:30); step back to the gap's end.
  for (let step = 0; step < 180; step++) {
    const earlier = candidate.minus({ minutes: 1 });
    if (earlier.toISODate() !== day || minutesOfDay(earlier) < wanted) break;
    candidate = earlier;
  }
  return candidate.toJSDate();
}

export interface DigestSlot {
  /** The manager's local day the digest belongs to, YYYY-MM-DD. */
  day: string;
  /** When it was due. */
  at: Date;
  /** Sent on a later local day than its own, or more than an hour after its time. */
  late: boolean;
}

const LATE_AFTER_MS = 60 * 60 * 1000;

/**
 * The latest digest the schedule called for at or before `now` (within the last week): the digest of the most
 * recent configured weekday whose time has come. A digest missed on its day (outage) is still this slot until
 * the next one replaces it, so it goes out once, late, rather than never.
 */
export function latestDigestSlot(
  zone: string,
  schedule: LocalClock & { weekdays: readonly number[] },
  now: Date,
): DigestSlot | undefined {
  const today = localOf(zone, now).startOf('day');
  for (let back = 0; back < 7; back++) {
    const date = today.minus({ days: back });
    if (!schedule.weekdays.includes(date.weekday)) continue;
    const day = date.toISODate() ?? '';
    const at = localInstant(date.zoneName ?? zone, day, schedule);
    if (at.getTime() > now.getTime()) continue;
    return { day, at, late: back > 0 || now.getTime() - at.getTime() > LATE_AFTER_MS };
  }
  return undefined;
}
