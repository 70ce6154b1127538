import type { App } from '@slack/bolt';
import type { SlackDependencies } from '../../dependencies.js';
import { publishHome } from '../home.js';
import { ensureRep } from '../rep.js';

/** Publishing is idempotent, so an Events API retry just publishes the same Home again. */
export function registerAppHomeOpened(app: App, dependencies: SlackDependencies): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const workspaceId = body.team_id;
    const rep = await ensureRep(dependencies, client, workspaceId, event.user);
    await publishHome(dependencies, client, workspaceId, rep);
  });
}
