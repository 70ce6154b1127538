import type { App } from '@slack/bolt';
import type { SlackDependencies } from '../dependencies.js';
import { registerFollowupCommand } from './commands/index.js';
import { registerLogInteractionSubmission } from './views/log-interaction.js';

/** Every listener the app has; manifest.yml and ids.ts must agree with this list (a test checks it). */
export function registerListeners(app: App, dependencies: SlackDependencies): void {
  registerFollowupCommand(app, dependencies);
  registerLogInteractionSubmission(app, dependencies);
}
