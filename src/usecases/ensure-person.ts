import { IANAZone } from 'luxon';
import type { Database } from '../db/client.js';
import {
  findPersonBySlackId,
  insertPerson,
  type Person,
  setPersonDeactivated,
  updatePersonTimeZone,
} from '../db/queries/people.js';
import { ensureWorkspace } from '../db/queries/workspaces.js';

/** The people the edges act for: a rep or a manager of the workspace. */
export type { Person };

export interface ChatProfile {
  timeZone?: string | undefined;
  displayName?: string | null | undefined;
  /** The person was deactivated (left the workspace). */
  deleted?: boolean | undefined;
  /** A workspace admin or owner: may name managers. */
  isAdmin?: boolean | undefined;
}

/**
 * The rep behind a Slack user, created on first contact with the IANA zone the chat platform reports. A failed
 * or odd profile lookup must not stop the rep working, so it falls back to UTC (refreshed on `user_change`).
 */
export async function ensurePerson(
  db: Database,
  params: { workspaceId: string; slackUserId: string; lookUpProfile: () => Promise<ChatProfile> },
): Promise<Person> {
  const known = await findPersonBySlackId(db, params);
  if (known) return known;
  await ensureWorkspace(db, { workspaceId: params.workspaceId });
  const profile = await params.lookUpProfile().catch((): ChatProfile => ({}));
  return insertPerson(db, {
    workspaceId: params.workspaceId,
    slackUserId: params.slackUserId,
    displayName: profile.displayName ?? null,
    timeZone: validZoneOr(profile.timeZone, 'UTC'),
  });
}

export function validZoneOr(zone: string | undefined, fallback: string): string {
  return zone && IANAZone.isValidZone(zone) ? zone : fallback;
}

/**
 * A known person's profile changed: a person who left stops getting messages and drops out of digests (one who
 * comes back is back), and the zone follows theirs. Unknown people wait for first contact.
 */
export async function applyProfileChange(
  db: Database,
  params: { workspaceId: string; slackUserId: string; profile: ChatProfile; now: Date },
): Promise<void> {
  const { workspaceId, slackUserId, profile } = params;
  if (profile.deleted !== undefined) {
    await setPersonDeactivated(db, { workspaceId, slackUserId, at: profile.deleted ? params.now : null });
  }
  await refreshPersonTimeZone(db, { workspaceId, slackUserId, profile });
}

/** Keeps a known person's zone current when their profile changes; unknown people wait for first contact. */
export async function refreshPersonTimeZone(
  db: Database,
  params: { workspaceId: string; slackUserId: string; profile: ChatProfile },
): Promise<boolean> {
  if (!params.profile.timeZone || !IANAZone.isValidZone(params.profile.timeZone)) return false;
  return updatePersonTimeZone(db, {
    workspaceId: params.workspaceId,
    slackUserId: params.slackUserId,
    timeZone: params.profile.timeZone,
    displayName: params.profile.displayName ?? null,
  });
}
