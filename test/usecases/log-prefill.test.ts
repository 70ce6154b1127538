import { expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { ensurePerson } from '../../src/usecases/ensure-person.js';
import { type LogCallForm, loadLogPrefill, logCall } from '../../src/usecases/log-call.js';
import { describeOnEachEngine } from '../support/database.js';

/** Monday 2 June 2025, 10:00 in Berlin. */
const NOW = new Date('2025-06-02T08:00:00Z');
const PLAN = 'Their Dell R740 warranty ends 14 June: walk them through the renewal quote';

/** A call logged for `contactName` with its next call at `hourUtc`:00 UTC on Thursday 5 June. */
async function bookCall(
  db: Database,
  workspaceId: string,
  slackUserId: string,
  contactName: string,
  hourUtc: number,
) {
  const rep = await ensurePerson(db, {
    workspaceId,
    slackUserId,
    lookUpProfile: async () => ({ timeZone: 'Europe/Berlin' }),
  });
  const form: LogCallForm = {
    contactName,
    company: 'Acme',
    outcome: 'connected',
    summary: null,
    hotButton: null,
    nextCallAt: new Date(Date.UTC(2025, 5, 5, hourUtc)),
    agreed: true,
    valueReason: 'warranty_expiring',
    plan: PLAN,
    decisionMaker: null,
    purchasingProcess: null,
    budget: null,
    stakeholders: [],
    materialSent: null,
  };
  const result = await logCall(db, {
    workspaceId,
    rep,
    form,
    prospectId: null,
    sourceKey: `${slackUserId}-${contactName}-${hourUtc}`,
    now: NOW,
  });
  expect(result.kind).toBe('saved');
}

describeOnEachEngine('the log modal prefill', ({ db }) => {
  it('starts the next call two business days ahead at the hour the rep books most, the newest on a tie', async () => {
    // 13:00 and 14:00 UTC are 15:00 and 16:00 in Berlin; 15:00 is booked twice, 16:00 once.
    await bookCall(db(), 'T_HOUR', 'U_HOUR', 'Ann', 13);
    await bookCall(db(), 'T_HOUR', 'U_HOUR', 'Ben', 14);
    await bookCall(db(), 'T_HOUR', 'U_HOUR', 'Cat', 13);
    const prefill = await loadLogPrefill(db(), {
      workspaceId: 'T_HOUR',
      slackUserId: 'U_HOUR',
      text: '',
      now: NOW,
    });
    expect(prefill.nextCallAt).toEqual(new Date('2025-06-04T13:00:00Z'));
    expect(prefill.repKnown).toBe(true);

    // One each at 16:00 and 17:00 in Berlin: the newest booking's hour wins.
    await bookCall(db(), 'T_TIE', 'U_TIE', 'Ann', 14);
    await bookCall(db(), 'T_TIE', 'U_TIE', 'Ben', 15);
    const tie = await loadLogPrefill(db(), {
      workspaceId: 'T_TIE',
      slackUserId: 'U_TIE',
      text: '',
      now: NOW,
    });
    expect(tie.nextCallAt).toEqual(new Date('2025-06-04T15:00:00Z'));
  });

  it('picks the rep’s own prospect the typed name means, never another rep’s', async () => {
    await bookCall(db(), 'T_PICK', 'U_MINE', 'Dana Scully', 8);
    await bookCall(db(), 'T_PICK', 'U_OTHER', 'Dana Ruiz', 8);
    const mine = await loadLogPrefill(db(), {
      workspaceId: 'T_PICK',
      slackUserId: 'U_MINE',
      text: ' dana ',
      now: NOW,
    });
    expect(mine.prospect?.contactName).toBe('Dana Scully');
    expect(mine.typedName).toBe('dana');
    const none = await loadLogPrefill(db(), {
      workspaceId: 'T_PICK',
      slackUserId: 'U_MINE',
      text: 'ruiz',
      now: NOW,
    });
    expect(none.prospect).toBeNull();
    expect(none.typedName).toBe('ruiz');
    expect(none.repKnown).toBe(true);
  });

  it('knows nobody on first contact: no rep, no next call time, the typed name kept', async () => {
    const prefill = await loadLogPrefill(db(), {
      workspaceId: 'T_NEW',
      slackUserId: 'U_NEW',
      text: 'Acme',
      now: NOW,
    });
    expect(prefill).toEqual({ prospect: null, typedName: 'Acme', nextCallAt: null, repKnown: false });
  });
});
