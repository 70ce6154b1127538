import type { App } from '@slack/bolt';
import type { SlackDependencies } from '../dependencies.js';
import { registerLogNewCall } from './actions/log-new-call.js';
import { registerLogOutcome } from './actions/log-outcome.js';
import { registerMarkDone } from './actions/mark-done.js';
import { registerMessageRep } from './actions/message-rep.js';
import { registerOpenMoreAboutThem } from './actions/open-more-about-them.js';
import { registerOpenRepPlan } from './actions/open-rep-plan.js';
import { registerReschedule } from './actions/reschedule.js';
import { registerSnooze } from './actions/snooze.js';
import { registerFollowupCommand } from './commands/index.js';
import { registerAppHomeOpened } from './events/app-home-opened.js';
import { registerAppUninstalled } from './events/app-uninstalled.js';
import { registerUserChange } from './events/user-change.js';
import { registerProspectOptions } from './options/prospect-options.js';
import { registerLogFromMessage } from './shortcuts/log-follow-up-from-message.js';
import { registerLogInteractionSubmission } from './views/log-interaction.js';
import { registerMoreAboutThem } from './views/more-about-them.js';
import { registerRescheduleSubmissions } from './views/reschedule-next-step.js';
import { registerSettingsSubmission } from './views/settings.js';

/** Every listener the app has; manifest.yml and ids.ts must agree with this list (a test checks it). */
export function registerListeners(app: App, dependencies: SlackDependencies): void {
  registerFollowupCommand(app, dependencies);
  registerLogInteractionSubmission(app, dependencies);
  registerProspectOptions(app, dependencies);
  registerOpenMoreAboutThem(app, dependencies);
  registerMoreAboutThem(app, dependencies);
  registerRescheduleSubmissions(app, dependencies);
  registerSettingsSubmission(app, dependencies);
  registerLogOutcome(app, dependencies);
  registerLogNewCall(app, dependencies);
  registerReschedule(app, dependencies);
  registerMarkDone(app, dependencies);
  registerSnooze(app, dependencies);
  registerMessageRep(app);
  registerOpenRepPlan(app, dependencies);
  registerAppHomeOpened(app, dependencies);
  registerUserChange(app, dependencies);
  registerAppUninstalled(app, dependencies);
  registerLogFromMessage(app, dependencies);
}
