import { describe, expect, it } from 'vitest';
import type { DealFacts } from '../../../src/domain/stalls/stall-rules.js';
import { renderDigestMessage } from '../../../src/slack/blocks/digest.js';
import { findBlockKitViolations } from '../../support/block-kit-limits.js';

const deal = (prospectId: number, contactName: string): DealFacts => ({
  prospectId,
  ownerId: 1,
  contactName,
  company: 'Acme',
  status: 'active',
  createdAt: new Date('2026-01-01T00:00:00Z'),
  pausedUntil: null,
  pauseReason: null,
  revisitAt: null,
  lastRealContactAt: null,
  recentOutcomes: [],
  valueTouches: 0,
  askTouches: 0,
  stakeholderCount: 0,
  nextStep: null,
});

const rep = {
  repId: 1,
  name: 'Ana',
  completionPercent: 0,
  agreedPercent: null,
  rejectedPercent: 25,
  stalled: [
    { deal: deal(1, 'Dana'), reasons: [{ kind: 'gone_dark' as const, unanswered: 4 }] },
    { deal: deal(2, 'Eli'), reasons: [{ kind: 'single_threaded' as const }] },
  ],
  notes: [{ deal: deal(3, 'Fay'), reasons: [{ kind: 'single_threaded' as const }] }],
  paused: [{ deal: deal(4, 'Gus'), until: new Date('2026-12-15T05:00:00Z'), reason: 'budget freeze' }],
};

describe('the manager digest', () => {
  it('says what to do about each stalled deal, notes, paused deals with reason and date, and a way to message the rep', () => {
    const message = renderDigestMessage({
      teamId: 'T1',
      timeZone: 'America/New_York',
      managerSlackUserId: 'UMGR',
      digest: { reps: [rep], stalledCount: 2, ownerLeft: [] },
      slackUserIds: new Map([[1, 'UANA']]),
      late: false,
    });
    expect(findBlockKitViolations('message', message)).toEqual([]);
    const body = JSON.stringify(message.blocks);
    expect(body).toContain('*Dana (Acme)*: gone dark');
    expect(body).toContain('send one easy-out message, then stop chasing');
    expect(body).toContain(
      '*Eli (Acme)*: single-threaded: only one contact\\n   → _bring in a second stakeholder_',
    );
    expect(body).toContain('*Fay (Acme)*: note: single-threaded, but a call agreed with them is coming');
    expect(body).toContain('*Gus (Acme)*: paused until Tue 15 Dec 2026: budget freeze');
    expect(body).toContain('calls done when due 0%');
    expect(body).toContain('agreed with the prospect no data');
    expect(body).toContain('"url":"slack://user?team=T1&id=UANA"');
    const plans = (message.blocks ?? []).flatMap((block) => {
      const accessory = (block as { accessory?: { action_id?: string; value?: string } }).accessory;
      return accessory?.action_id === 'open_rep_plan' ? [accessory.value] : [];
    });
    expect(plans).toEqual(['1', '2']);
  });

  it('gives each of a rep’s worst stalled deals its own "Open plan" button and stays within 50 blocks', () => {
    const many = Array.from({ length: 8 }, (_, index) => ({
      deal: deal(100 + index, `Deal ${index}`),
      reasons: [{ kind: 'single_threaded' as const }],
    }));
    const reps = Array.from({ length: 12 }, (_, index) => ({ ...rep, repId: index + 1, stalled: many }));
    const message = renderDigestMessage({
      teamId: 'T1',
      timeZone: 'UTC',
      managerSlackUserId: 'UMGR',
      digest: { reps, stalledCount: 96, ownerLeft: [] },
      slackUserIds: new Map(),
      late: false,
    });
    expect(findBlockKitViolations('message', message)).toEqual([]);
    const blocks = message.blocks ?? [];
    expect(blocks.length).toBeLessThanOrEqual(50);
    const buttons = JSON.stringify(blocks).match(/open_rep_plan/g) ?? [];
    // Seven blocks a rep (habits, five deals with buttons, the rest as lines): six reps fit, the rest are counted.
    expect(buttons).toHaveLength(6 * 5);
    expect(JSON.stringify(blocks.at(-1))).toContain('…and 6 more reps.');
    expect(JSON.stringify(blocks)).toContain('Deal 7 (Acme)');
  });
});
