import { DateTime } from 'luxon';

export interface LocalDay {
  /** First instant of the local day. */
  start: Date;
  /** First instant of the next local day (exclusive bound). */
  end: Date;
  /** The local calendar day, YYYY-MM-DD. */
  day: string;
}

/**
 * The local calendar day containing `now` in the IANA `zone`, as UTC instants. A day is not always 24 hours
 * (DST), so the end is the next local midnight, not start + 24 h. An unknown zone falls back to UTC.
 */
export function localDayBounds(zone: string, now: Date): LocalDay {
  let local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: 'UTC' });
  const start = local.startOf('day');
  const end = start.plus({ days: 1 }).startOf('day');
  return { start: start.toJSDate(), end: end.toJSDate(), day: start.toFormat('yyyy-MM-dd') };
}

/** Whether the local wall clock in `zone` is past noon: a morning message sent then says it is catching up. */
export function isAfternoon(zone: string, now: Date): boolean {
  const local = DateTime.fromJSDate(now, { zone });
  return (local.isValid ? local : DateTime.fromJSDate(now, { zone: 'UTC' })).hour >= 12;
}
