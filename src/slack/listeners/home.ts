import type { WebClient } from '@slack/web-api';
import type { Person } from '../../usecases/ensure-person.js';
import { loadHome } from '../../usecases/load-home.js';
import { HOME_LIMITS, renderHomeView } from '../blocks/home.js';
import type { SlackDependencies } from '../dependencies.js';

/** Publishes the rep's Home tab as it is now; shared by app_home_opened and the Home tab's buttons. */
export async function publishHome(
  dependencies: SlackDependencies,
  client: WebClient,
  workspaceId: string,
  rep: Person,
): Promise<void> {
  const model = await loadHome(dependencies.db, {
    workspaceId,
    rep,
    now: dependencies.now(),
    limit: Math.max(HOME_LIMITS.calls, HOME_LIMITS.prospects),
  });
  await client.views.publish({ user_id: rep.slackUserId, view: renderHomeView(model) });
}
