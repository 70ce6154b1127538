import { describe, expect, it } from 'vitest';
import {
  assessDeal,
  type DealFacts,
  describeStallReason,
  isDealClosed,
  suggestStallAction,
} from '../../../src/domain/stalls/stall-rules.js';

const NOW = new Date('2025-06-10T09:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const daysAhead = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const THRESHOLDS = { staleAfterDays: 14, goneDarkAfterUnanswered: 3, minValueTouchPercent: 70 };

function deal(overrides: Partial<DealFacts> = {}): DealFacts {
  return {
    prospectId: 1,
    ownerId: 1,
    contactName: 'Dana',
    company: 'Acme',
    status: 'active',
    createdAt: daysAgo(60),
    pausedUntil: null,
    pauseReason: null,
    revisitAt: null,
    lastRealContactAt: daysAgo(2),
    recentOutcomes: ['connected'],
    valueTouches: 1,
    askTouches: 0,
    stakeholderCount: 1,
    nextStep: { dueAt: daysAhead(3), agreed: true, snoozeCount: 0 },
    ...overrides,
  };
}

const kinds = (d: DealFacts) => {
  const result = assessDeal(d, THRESHOLDS, NOW);
  return result.paused ? 'paused' : result.reasons.map((reason) => reason.kind);
};

describe('the stall clock respects the plan', () => {
  it.each<[rule: string, facts: Partial<DealFacts>, stalls: string[]]>([
    [
      'does not call a deal stalled for quiet weeks while an agreed next step is still ahead',
      { lastRealContactAt: daysAgo(40), nextStep: { dueAt: daysAhead(5), agreed: true, snoozeCount: 0 } },
      [],
    ],
    [
      'calls it stalled once that agreed step is missed',
      { lastRealContactAt: daysAgo(40), nextStep: { dueAt: daysAgo(2), agreed: true, snoozeCount: 0 } },
      ['no_touch', 'overdue_step'],
    ],
    [
      'still runs the clock when the future step is the rep’s own reminder, not agreed with the prospect',
      { lastRealContactAt: daysAgo(20), nextStep: { dueAt: daysAhead(5), agreed: false, snoozeCount: 0 } },
      ['no_touch'],
    ],
  ])('%s', (_rule, facts, stalls) => {
    expect(kinds(deal(facts))).toEqual(stalls);
  });

  it('lets real contact reset the clock but not voicemails, which count toward gone dark', () => {
    const d = deal({
      lastRealContactAt: daysAgo(20),
      recentOutcomes: ['voicemail', 'no_answer', 'voicemail', 'connected'],
      nextStep: null,
    });
    expect(kinds(d)).toEqual(['no_touch', 'gone_dark']);
    expect(
      kinds({
        ...d,
        lastRealContactAt: daysAgo(1),
        recentOutcomes: ['connected', 'voicemail', 'voicemail', 'voicemail'],
      }),
    ).toEqual([]);
  });
});

describe('the other stall rules', () => {
  it('flags single-threaded deals and deals that are mostly asks (70/30)', () => {
    const unplanned = { nextStep: null, stakeholderCount: 0, valueTouches: 1, askTouches: 2 };
    expect(kinds(deal(unplanned))).toEqual(['single_threaded', 'mostly_asks']);
    expect(kinds(deal({ valueTouches: 7, askTouches: 3 }))).toEqual([]);
  });

  it('notes a single-threaded deal waiting on a call agreed with the prospect, without calling it stalled', () => {
    const waiting = assessDeal(deal({ stakeholderCount: 0 }), THRESHOLDS, NOW);
    expect(waiting).toEqual({ paused: false, reasons: [], notes: [{ kind: 'single_threaded' }] });
  });

  it('suggests one move from the method for each stalled deal', () => {
    expect(suggestStallAction([{ kind: 'gone_dark', unanswered: 4 }, { kind: 'single_threaded' }])).toBe(
      'release_pressure',
    );
    expect(suggestStallAction([{ kind: 'single_threaded' }])).toBe('second_stakeholder');
    expect(suggestStallAction([{ kind: 'no_touch', days: 20 }, { kind: 'single_threaded' }])).toBe(
      'go_through_material',
    );
    expect(suggestStallAction([{ kind: 'revisit_due', since: NOW }])).toBe('revisit');
  });

  it('surfaces a not-interested prospect only when its revisit date has come', () => {
    expect(kinds(deal({ status: 'not_interested', revisitAt: daysAhead(30), stakeholderCount: 0 }))).toEqual(
      [],
    );
    expect(kinds(deal({ status: 'lost', revisitAt: daysAgo(1) }))).toEqual(['revisit_due']);
  });

  it('shows how often the same call was snoozed', () => {
    const result = assessDeal(
      deal({ nextStep: { dueAt: daysAhead(1), agreed: true, snoozeCount: 3 } }),
      THRESHOLDS,
      NOW,
    );
    expect(result.paused ? [] : result.reasons.map(describeStallReason)).toEqual(['snoozed 3 times']);
  });
});

describe('pause with a reason', () => {
  it('keeps a paused deal out until the date, then brings it back with the reason', () => {
    const paused = deal({
      pausedUntil: daysAhead(10),
      pauseReason: 'budget freeze until Q2',
      lastRealContactAt: daysAgo(90),
      nextStep: { dueAt: daysAhead(20), agreed: true, snoozeCount: 0 },
    });
    expect(assessDeal(paused, THRESHOLDS, NOW)).toEqual({
      paused: true,
      until: daysAhead(10),
      reason: 'budget freeze until Q2',
    });
    const back = assessDeal(paused, THRESHOLDS, daysAhead(11));
    expect(back.paused ? [] : back.reasons.map(describeStallReason)).toEqual([
      'back from pause: budget freeze until Q2',
    ]);
  });
});

describe('a closed deal', () => {
  it('is won, or lost or not interested until its second-chance date comes', () => {
    expect(isDealClosed(deal({ status: 'active' }), NOW)).toBe(false);
    expect(isDealClosed(deal({ status: 'nurture' }), NOW)).toBe(false);
    expect(isDealClosed(deal({ status: 'won', revisitAt: daysAgo(1) }), NOW)).toBe(true);
    expect(isDealClosed(deal({ status: 'lost', revisitAt: daysAhead(30) }), NOW)).toBe(true);
    expect(isDealClosed(deal({ status: 'lost', revisitAt: null }), NOW)).toBe(true);
    expect(isDealClosed(deal({ status: 'not_interested', revisitAt: daysAgo(1) }), NOW)).toBe(false);
  });
});
