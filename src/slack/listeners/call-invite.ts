import type { WebClient } from '@slack/web-api';
import { inviteFailedLine, renderCallInvite } from '../blocks/call-invite.js';
import type { CallInviteModel } from '../blocks/view-models.js';
import type { SlackDependencies } from '../dependencies.js';

/**
 * Puts an agreed call's .ics invite in the rep's DM, for them to forward to the prospect. WebClient.filesUploadV2
 * asks files.getUploadURLExternal for an upload URL, POSTs the bytes there, then shares the file with
 * files.completeUploadExternal (channel_id, initial_comment). That method takes a conversation id, never a user
 * id (slackapi/bolt-js#2115, slackapi/node-slack-sdk#1653), so the DM's id comes from conversations.open.
 * It runs after the save and its ack: a failure is logged and told in one line, and the call stays saved.
 */
export async function sendCallInvite(
  dependencies: SlackDependencies,
  client: WebClient,
  workspaceId: string,
  slackUserId: string,
  model: CallInviteModel,
): Promise<void> {
  const invite = renderCallInvite(model, dependencies.now());
  try {
    const channel = (await client.conversations.open({ users: slackUserId })).channel?.id;
    if (!channel) throw new Error('conversations.open answered no DM id');
    await client.filesUploadV2({
      channel_id: channel,
      content: invite.content,
      filename: invite.filename,
      title: invite.title,
      initial_comment: invite.comment,
    });
  } catch (error) {
    dependencies.logger.warn('could not put a calendar invite in the rep’s DM', error);
    await dependencies.sendMessage(client, workspaceId, {
      channel: slackUserId,
      text: inviteFailedLine(model.prospect),
    });
  }
}
