import type { WebClient } from '@slack/web-api';
import type { Person } from '../../usecases/ensure-person.js';
import { type ChatProfile, ensurePerson } from '../../usecases/ensure-person.js';
import type { Requester } from '../../usecases/managers.js';
import type { SlackDependencies } from '../dependencies.js';

/** The rep behind a Slack user; on first contact their zone comes from users.info. */
export function ensureRep(
  dependencies: SlackDependencies,
  client: WebClient,
  workspaceId: string,
  slackUserId: string,
): Promise<Person> {
  return ensurePerson(dependencies.db, {
    workspaceId,
    slackUserId,
    lookUpProfile: () => lookUpProfile(client, slackUserId),
  });
}

/** The fields of Slack's user object (https://api.slack.com/types/user) the app reads. */
export interface SlackUser {
  tz?: string | undefined;
  real_name?: string | undefined;
  name?: string | undefined;
  deleted?: boolean | undefined;
  is_admin?: boolean | undefined;
  is_owner?: boolean | undefined;
}

export function profileOf(user: SlackUser | undefined): ChatProfile {
  return {
    timeZone: user?.tz,
    displayName: user?.real_name || user?.name || null,
    deleted: user?.deleted,
    isAdmin: user?.is_admin === true || user?.is_owner === true,
  };
}

export async function lookUpProfile(client: WebClient, slackUserId: string): Promise<ChatProfile> {
  const { user } = await client.users.info({ user: slackUserId });
  return profileOf(user);
}

/**
 * The person behind a request that needs a manager, with users.info's admin and owner flags read now (they
 * change in Slack, not here). A failed lookup counts as no admin: a named manager can still act.
 */
export async function findRequester(
  dependencies: SlackDependencies,
  client: WebClient,
  workspaceId: string,
  slackUserId: string,
): Promise<Requester> {
  const profile = await lookUpProfile(client, slackUserId).catch((): ChatProfile => ({}));
  const person = await ensurePerson(dependencies.db, {
    workspaceId,
    slackUserId,
    lookUpProfile: async () => profile,
  });
  return { person, isWorkspaceAdmin: profile.isAdmin === true };
}

/** What anyone who is not a manager hears when they try a manager's command. */
export const MANAGERS_ONLY =
  'Only managers can do that. A workspace admin or an existing manager can make you one with /followup manager @you.';
