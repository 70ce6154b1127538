import { DateTime } from 'luxon';

/** "Tue 3 Jun, 9:00 ET" in the rep's zone: the way a rep says it, with the zone's short name. */
export function formatLocalTime(at: Date, zone: string): string {
  return `${DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL')}, ${formatLocalClock(at, zone)}`;
}

/** "9:00 ET": the time of day alone, where the day is said once above. */
export function formatLocalClock(at: Date, zone: string): string {
  return `${DateTime.fromJSDate(at, { zone }).toFormat('H:mm')} ${shortZoneName(zone, at)}`;
}

/** "Tue 3 Jun 2026" in the rep's zone. */
export function formatLocalDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL yyyy');
}

/** "Tue 3 Jun" for a local calendar day given as YYYY-MM-DD. */
export function formatDay(day: string): string {
  const date = DateTime.fromISO(day, { zone: 'UTC' });
  return date.isValid ? date.toFormat('ccc d LLL') : day;
}

/** The zone's short name on a local day (YYYY-MM-DD): its summer or winter name, whichever that day has. */
export function zoneNameOnDay(zone: string, day: string): string {
  return shortZoneName(zone, DateTime.fromISO(day, { zone }).set({ hour: 12 }).toJSDate());
}

/** Where the names people use for zones are found: US English for "ET", then the names of other English regions. */
const ZONE_NAME_SOURCES = [
  ['en-US', 'shortGeneric'],
  ['en-GB', 'short'],
  ['en-IN', 'short'],
  ['en-AU', 'short'],
] as const;

/**
 * The zone as people write it: "ET" or "PT", "CEST", "BST", "IST", "AEST"; where English has no name for it,
 * the offset ("GMT+9"). Never an IANA path.
 */
export function shortZoneName(zone: string, at: Date): string {
  let offset = '';
  for (const [locale, style] of ZONE_NAME_SOURCES) {
    const name = zoneNameIn(locale, style, zone, at);
    if (/^[A-Z]{2,5}$/.test(name)) return name;
    offset ||= style === 'short' ? name : '';
  }
  return offset || 'UTC';
}

function zoneNameIn(locale: string, style: 'shortGeneric' | 'short', zone: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(at);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}
