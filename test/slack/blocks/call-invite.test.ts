import { describe, expect, it } from 'vitest';
import { inviteFailedLine, renderCallInvite } from '../../../src/slack/blocks/call-invite.js';
import type { CallInviteModel } from '../../../src/slack/blocks/view-models.js';

const NOW = new Date('2026-12-01T09:15:00Z');
const MODEL: CallInviteModel = {
  workspaceId: 'T0ACME',
  step: { id: 42, dueAt: new Date('2026-12-03T14:00:00Z'), plan: 'Show the new quote', timeRevision: 0 },
  prospect: { contactName: 'Dana Reyes', company: 'Acme' },
  repName: 'Rita Rep',
};

const uidOf = (content: string) => content.match(/\r\nUID:([^\r]+)\r\n/)?.[1];

describe('the calendar invite file', () => {
  it('keeps one UID per next step: a UUID, so no id of the workspace or the step shows in it', () => {
    const uid = uidOf(renderCallInvite(MODEL, NOW).content);
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const moved = {
      ...MODEL,
      step: { ...MODEL.step, dueAt: new Date('2026-12-04T10:00:00Z'), timeRevision: 1 },
    };
    expect(uidOf(renderCallInvite(moved, new Date('2026-12-02T08:00:00Z')).content)).toBe(uid);
    expect(uidOf(renderCallInvite({ ...MODEL, step: { ...MODEL.step, id: 43 } }, NOW).content)).not.toBe(uid);
    expect(uidOf(renderCallInvite({ ...MODEL, workspaceId: 'T0OTHER' }, NOW).content)).not.toBe(uid);
  });

  it('names the call after both people, and leaves the rep out when Slack gave no name', () => {
    expect(renderCallInvite(MODEL, NOW).title).toBe('Call: Dana Reyes (Acme) / Rita Rep');
    expect(renderCallInvite({ ...MODEL, repName: null }, NOW).title).toBe('Call: Dana Reyes (Acme)');
  });

  it('gives the file a plain ASCII name any mail program keeps', () => {
    const named = (contactName: string) =>
      renderCallInvite({ ...MODEL, prospect: { contactName, company: '' } }, NOW).filename;
    expect(named('Dana Reyes')).toBe('call-dana-reyes.ics');
    expect(named('Zoë Åberg-Núñez')).toBe('call-zoe-aberg-nunez.ics');
    expect(named('王小明')).toBe('call.ics');
    expect(named(`${'a'.repeat(39)} b`)).toBe(`call-${'a'.repeat(39)}.ics`);
  });

  it('escapes the prospect’s name in the lines Slack shows', () => {
    const prospect = { contactName: 'Tom & <!channel>', company: '' };
    expect(renderCallInvite({ ...MODEL, prospect }, NOW).comment).toContain('Tom &amp; &lt;!channel&gt;');
    expect(inviteFailedLine(prospect)).toContain('Tom &amp; &lt;!channel&gt;');
  });
});
