import { describe, expect, it } from 'vitest';
import { buildTeamDigest } from '../../../src/domain/digest/team-digest.js';
import type { DealFacts } from '../../../src/domain/stalls/stall-rules.js';

const NOW = new Date('2025-06-10T09:00:00Z');
const base: Omit<DealFacts, 'prospectId' | 'ownerId'> = {
  contactName: 'Dana',
  company: 'Acme',
  status: 'active',
  createdAt: new Date('2025-01-01T00:00:00Z'),
  pausedUntil: null,
  pauseReason: null,
  revisitAt: null,
  lastRealContactAt: new Date('2025-06-09T00:00:00Z'),
  recentOutcomes: ['connected'],
  valueTouches: 3,
  askTouches: 0,
  stakeholderCount: 2,
  nextStep: { dueAt: new Date('2025-06-12T00:00:00Z'), agreed: true, snoozeCount: 0 },
};

describe('the team digest', () => {
  it('groups stalled and paused deals by rep with completion, agreed and rejected shares', () => {
    const digest = buildTeamDigest(
      [
        {
          repId: 1,
          name: 'Ana',
          dueCompleted: 3,
          dueMissed: 1,
          stepsCreated: 4,
          stepsAgreed: 2,
          plansReviewed: 5,
          plansRejected: 1,
        },
        {
          repId: 2,
          name: 'Ben',
          dueCompleted: 0,
          dueMissed: 0,
          stepsCreated: 0,
          stepsAgreed: 0,
          plansReviewed: 0,
          plansRejected: 0,
        },
      ],
      [
        { ...base, prospectId: 10, ownerId: 1 },
        { ...base, prospectId: 11, ownerId: 1, stakeholderCount: 0, nextStep: null },
        // Single-threaded, but a call agreed with the prospect is coming: a note, not a stall.
        { ...base, prospectId: 14, ownerId: 1, stakeholderCount: 0 },
        {
          ...base,
          prospectId: 12,
          ownerId: 2,
          pausedUntil: new Date('2025-07-01T00:00:00Z'),
          pauseReason: 'buyer on leave',
        },
        { ...base, prospectId: 13, ownerId: 3, stakeholderCount: 0 },
      ],
      { staleAfterDays: 14, goneDarkAfterUnanswered: 3, minValueTouchPercent: 70 },
      NOW,
    );
    expect(digest.stalledCount).toBe(1);
    const [ana, ben] = digest.reps;
    expect(ana).toMatchObject({ completionPercent: 75, agreedPercent: 50, rejectedPercent: 20 });
    expect(ana?.stalled.map((s) => s.deal.prospectId)).toEqual([11]);
    expect(ana?.notes.map((s) => [s.deal.prospectId, s.reasons.map((r) => r.kind)])).toEqual([
      [14, ['single_threaded']],
    ]);
    expect(ben).toMatchObject({
      completionPercent: null,
      stalled: [],
      paused: [{ reason: 'buyer on leave' }],
    });
  });
});
