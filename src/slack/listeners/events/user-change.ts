import type { App } from '@slack/bolt';
import { applyProfileChange } from '../../../usecases/ensure-person.js';
import type { SlackDependencies } from '../../dependencies.js';
import { profileOf, type SlackUser } from '../rep.js';

/**
 * Zones change (travel, moves, DST rules): "due today" follows the rep's current one. A deactivated person
 * arrives here with `deleted: true` (https://api.slack.com/events/user_change); Slack still accepts messages to
 * them, so this is the app's only sign that they left. Replaying the event changes nothing more.
 */
export function registerUserChange(app: App, dependencies: SlackDependencies): void {
  app.event('user_change', async ({ event, body }) => {
    const user = event.user as SlackUser & { id: string };
    await applyProfileChange(dependencies.db, {
      workspaceId: body.team_id,
      slackUserId: user.id,
      profile: profileOf(user),
      now: dependencies.now(),
    });
  });
}
