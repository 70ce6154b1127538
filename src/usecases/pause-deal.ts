import { DateTime } from 'luxon';
import type { Database } from '../db/client.js';
import type { Person } from '../db/queries/people.js';
import { findProspectsByName, setProspectPause } from '../db/queries/prospects.js';

export type PauseResult =
  | { kind: 'paused'; contactName: string; until: Date }
  | { kind: 'not_found' }
  | { kind: 'ambiguous'; count: number }
  | { kind: 'bad_date' };

/**
 * Pauses one of the rep's own deals until the start of `untilDay` in the rep's zone, with the reason the
 * manager will see when it comes back ("budget freeze until Q2", "buyer on leave").
 */
export async function pauseDeal(
  db: Database,
  params: {
    workspaceId: string;
    rep: Person;
    prospectName: string;
    untilDay: string;
    reason: string;
    now: Date;
  },
): Promise<PauseResult> {
  const until = DateTime.fromISO(params.untilDay, { zone: params.rep.timeZone }).startOf('day');
  if (!until.isValid || until.toJSDate().getTime() <= params.now.getTime()) return { kind: 'bad_date' };
  const matches = await findProspectsByName(db, {
    workspaceId: params.workspaceId,
    ownerId: params.rep.id,
    text: params.prospectName,
  });
  const [prospect] = matches;
  if (!prospect) return { kind: 'not_found' };
  if (matches.length > 1) return { kind: 'ambiguous', count: matches.length };
  await setProspectPause(db, {
    workspaceId: params.workspaceId,
    ownerId: params.rep.id,
    prospectId: prospect.id,
    until: until.toJSDate(),
    reason: params.reason,
  });
  return { kind: 'paused', contactName: prospect.contactName, until: until.toJSDate() };
}
