import type { App } from '@slack/bolt';
import { refreshPersonTimeZone } from '../../../usecases/ensure-person.js';
import type { SlackDependencies } from '../../dependencies.js';

/** Zones change (travel, moves, DST rules): "due today" follows the rep's current one. */
export function registerUserChange(app: App, dependencies: SlackDependencies): void {
  app.event('user_change', async ({ event, body }) => {
    const user = event.user as { id: string; tz?: string; real_name?: string };
    await refreshPersonTimeZone(dependencies.db, {
      workspaceId: body.team_id,
      slackUserId: user.id,
      profile: { timeZone: user.tz, displayName: user.real_name ?? null },
    });
  });
}
