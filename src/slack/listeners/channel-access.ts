import type { WebClient } from '@slack/web-api';

export type ChannelAccess = 'postable' | 'invite_needed' | 'archived';

/**
 * Whether the bot can post in this channel. chat:write.public lets it post in any public channel without
 * joining; a private one it must have been invited to, and until then conversations.info cannot see it and
 * answers `channel_not_found` (https://api.slack.com/methods/conversations.info). Other errors are thrown.
 */
export async function checkChannelAccess(client: WebClient, channelId: string): Promise<ChannelAccess> {
  try {
    const { channel } = await client.conversations.info({ channel: channelId });
    if (channel?.is_archived) return 'archived';
    return channel?.is_private && !channel.is_member ? 'invite_needed' : 'postable';
  } catch (error) {
    if ((error as { data?: { error?: string } }).data?.error === 'channel_not_found') return 'invite_needed';
    throw error;
  }
}
