import { describe, expect, it } from 'vitest';
import { snoozedTime } from '../../src/usecases/change-next-step.js';
import { ensurePerson } from '../../src/usecases/ensure-person.js';
import { loadDueCalls } from '../../src/usecases/load-due-calls.js';
import { logCall } from '../../src/usecases/log-call.js';
import { describeOnEachEngine } from '../support/database.js';

const PLAN = 'Their Dell R740 warranty ends 14 June: walk them through the renewal quote';

describeOnEachEngine('calls due today, by the rep’s own day', ({ db }) => {
  it('counts a call at 23:30 Tokyo time as today for a Tokyo rep, and as overdue the next morning', async () => {
    const loggedAt = new Date('2025-06-02T00:00:00Z');
    const rep = await ensurePerson(db(), {
      workspaceId: 'T_TOKYO',
      slackUserId: 'U_TOKYO',
      lookUpProfile: async () => ({ timeZone: 'Asia/Tokyo' }),
    });
    const dueAt = new Date('2025-06-03T14:30:00Z'); // 23:30 on 3 June in Tokyo
    await logCall(db(), {
      workspaceId: 'T_TOKYO',
      rep,
      prospectId: null,
      now: loggedAt,
      sourceKey: 'tokyo',
      form: {
        contactName: 'Kenji',
        company: 'Sora',
        outcome: 'connected',
        summary: null,
        hotButton: null,
        nextCallAt: dueAt,
        agreed: true,
        valueReason: 'warranty_expiring',
        plan: PLAN,
        decisionMaker: null,
        purchasingProcess: null,
        budget: null,
        stakeholders: [],
        materialSent: null,
      },
    });
    const params = { workspaceId: 'T_TOKYO', rep, limit: 10 };
    const sameDay = await loadDueCalls(db(), { ...params, now: new Date('2025-06-02T16:00:00Z') }); // 01:00 on 3 June
    expect(sameDay.day).toBe('2025-06-03');
    expect(sameDay.today.total).toBe(1);
    const dayBefore = await loadDueCalls(db(), { ...params, now: new Date('2025-06-02T14:00:00Z') }); // 23:00 on 2 June
    expect(dayBefore.today.total + dayBefore.overdue.total).toBe(0);
    const nextMorning = await loadDueCalls(db(), { ...params, now: new Date('2025-06-04T00:00:00Z') });
    expect(nextMorning.overdue.total).toBe(1);
  });
});

describe('snoozing', () => {
  it('moves an overdue call to tomorrow at its usual time, not to the day after it was missed', () => {
    const due = new Date('2025-05-20T08:00:00Z'); // 10:00 Berlin, long overdue
    const now = new Date('2025-06-02T12:00:00Z');
    expect(snoozedTime(due, 'Europe/Berlin', now, { days: 1 })).toEqual(new Date('2025-06-03T08:00:00Z'));
  });

  it('keeps the local time of day across the clocks going back', () => {
    const due = new Date('2025-10-24T08:00:00Z'); // Friday 10:00 Berlin, summer time
    const now = new Date('2025-10-23T08:00:00Z');
    expect(snoozedTime(due, 'Europe/Berlin', now, { days: 7 })).toEqual(new Date('2025-10-31T09:00:00Z'));
  });

  it('moves to a picked day at the call’s local time', () => {
    const due = new Date('2025-06-04T08:00:00Z');
    expect(snoozedTime(due, 'Europe/Berlin', due, { date: '2025-06-20' })).toEqual(
      new Date('2025-06-20T08:00:00Z'),
    );
  });
});
