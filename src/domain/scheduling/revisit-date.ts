import { DateTime } from 'luxon';
import { type Outcome, SECOND_CHANCE_OUTCOMES } from '../vocabulary.js';

/**
 * When a prospect who said no is worth a second-chance call (people and needs change): `revisitAfterDays`
 * (the workspace's setting) calendar days after the call in the rep's zone, at the same wall-clock time, so
 * "a year later" falls on the same local date whatever the clocks did in between. Null for any other outcome:
 * a won deal and an open one have no revisit date. An unknown zone counts in UTC.
 */
export function revisitDate(params: {
  outcome: Outcome;
  now: Date;
  revisitAfterDays: number;
  zone: string;
}): Date | null {
  if (!SECOND_CHANCE_OUTCOMES.has(params.outcome)) return null;
  let local = DateTime.fromJSDate(params.now, { zone: params.zone });
  if (!local.isValid) local = DateTime.fromJSDate(params.now, { zone: 'UTC' });
  return local.plus({ days: params.revisitAfterDays }).toJSDate();
}
