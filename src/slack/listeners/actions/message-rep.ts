import type { App } from '@slack/bolt';
import { ACTIONS } from '../../ids.js';

/**
 * "Message rep" in the digest is a link button: Slack opens the DM itself, and still sends the press to the app,
 * which must acknowledge it (Block Kit button reference: a button with a `url` "will still receive an interaction
 * payload and will need to send an acknowledgement response").
 */
export function registerMessageRep(app: App): void {
  app.action(ACTIONS.messageRep, async ({ ack }) => {
    await ack();
  });
}
