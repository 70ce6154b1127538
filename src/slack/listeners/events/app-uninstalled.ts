import type { App } from '@slack/bolt';
import { uninstallWorkspace } from '../../../usecases/uninstall-workspace.js';
import type { SlackDependencies } from '../../dependencies.js';

/**
 * Bolt never forgets a workspace on its own: without this, the jobs would keep trying (and failing) to DM a
 * workspace that removed the app, and its dead token would stay stored. Slack retries events; forgetting twice
 * changes nothing. Bolt runs these two events without authorizing them, as the token may be gone already.
 */
export function registerAppUninstalled(app: App, dependencies: SlackDependencies): void {
  app.event('app_uninstalled', async ({ body }) => {
    await uninstallWorkspace(dependencies.db, { workspaceId: body.team_id, at: dependencies.now() });
  });
  app.event('tokens_revoked', async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await uninstallWorkspace(dependencies.db, { workspaceId: body.team_id, at: dependencies.now() });
  });
}
