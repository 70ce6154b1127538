import { createHash } from 'node:crypto';
import { buildCallInvite } from '../../domain/scheduling/call-invite.js';
import { prospectLabel } from './next-step-item.js';
import { escapeMrkdwn } from './text.js';
import type { CallInviteModel } from './view-models.js';

/** The .ics file posted in the rep's DM, and the line above it. */
export interface CallInviteFile {
  filename: string;
  title: string;
  content: string;
  /** The message the file comes with (mrkdwn). */
  comment: string;
}

export function renderCallInvite(model: CallInviteModel, now: Date): CallInviteFile {
  const { prospect, step } = model;
  const title = `Call: ${prospectLabel(prospect.contactName, prospect.company)}${model.repName ? ` / ${model.repName}` : ''}`;
  return {
    filename: `${fileSlug(prospect.contactName)}.ics`,
    title,
    content: buildCallInvite(
      {
        uid: inviteUid(model.workspaceId, step.id),
        sequence: step.timeRevision,
        start: step.dueAt,
        title,
        details: step.plan,
      },
      now,
    ),
    comment: `:spiral_calendar_pad: Forward this invite to ${escapeMrkdwn(prospect.contactName)} so the call is on their calendar too.`,
  };
}

/** What the rep reads when the invite did not reach their DM: the call itself is saved. */
export function inviteFailedLine(prospect: { contactName: string }): string {
  return `:warning: Slack would not take the calendar invite for ${escapeMrkdwn(prospect.contactName)}; the call is saved all the same.`;
}

/**
 * The event's UID, the same for every invite of one next step. RFC 7986 (section 5.3) recommends a UUID with no
 * identifying information in it, so it is a name-based UUID from a SHA-256 of the step's key: version 8 as
 * RFC 9562 (section 5.8, Appendix B.2) defines it.
 */
function inviteUid(workspaceId: string, nextStepId: number): string {
  const hex = createHash('sha256')
    .update(`follow-up-coach/${workspaceId}/next-step/${nextStepId}`)
    .digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** "call-dana-reyes": the prospect's name in plain ASCII, as every mail program keeps an attachment's name. */
function fileSlug(contactName: string): string {
  const slug = contactName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug ? `call-${slug}` : 'call';
}
