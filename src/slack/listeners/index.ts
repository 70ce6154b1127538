import type { App } from '@slack/bolt';
import type { SlackDependencies } from '../dependencies.js';

/** Every listener the app has; manifest.yml and ids.ts must agree with this list (a test checks it). */
export function registerListeners(_app: App, _dependencies: SlackDependencies): void {}
