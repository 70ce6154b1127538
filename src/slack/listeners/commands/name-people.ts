import type { Requester } from '../../../usecases/managers.js';
import { findRequester, MANAGERS_ONLY } from '../rep.js';
import type { SubcommandRequest } from './subcommand.js';

/** How Slack shows people back: mentions render as their names. */
export const mentions = (ids: string[]) => ids.map((id) => `<@${id}>`).join(', ');

/**
 * The part `team` and `manager` share: someone must be mentioned, the one asking must be allowed, and a
 * refusal changes nothing and says so. Returns what the use case did, or undefined when the person was answered.
 */
export async function nameMentionedPeople<Result extends { kind: string }>(
  request: SubcommandRequest,
  askToMention: string,
  name: (requester: Requester, slackUserIds: string[]) => Promise<Result | { kind: 'refused' }>,
): Promise<Exclude<Result, { kind: 'refused' }> | undefined> {
  const { mentionedUserIds, command, client, respond, dependencies } = request;
  if (mentionedUserIds.length === 0) {
    await respond({ response_type: 'ephemeral', text: askToMention });
    return undefined;
  }
  const requester = await findRequester(dependencies, client, command.team_id, command.user_id);
  const result = await name(requester, mentionedUserIds);
  if (result.kind === 'refused') {
    await respond({ response_type: 'ephemeral', text: MANAGERS_ONLY });
    return undefined;
  }
  return result as Exclude<Result, { kind: 'refused' }>;
}
