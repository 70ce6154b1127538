import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import {
  coachReviews,
  interactions,
  nextSteps,
  prospects,
  stakeholders,
  workspaceSettings,
} from '../../src/db/schema.js';
import { ensurePerson } from '../../src/usecases/ensure-person.js';
import { loadDueCalls } from '../../src/usecases/load-due-calls.js';
import { type LogCallForm, logCall } from '../../src/usecases/log-call.js';
import { describeOnEachEngine } from '../support/database.js';

const NOW = new Date('2025-06-02T08:00:00Z');
const DAY = 86_400_000;
const GOOD_PLAN = 'Their Dell R740 warranty ends 14 June: walk them through the renewal quote';

function form(overrides: Partial<LogCallForm> = {}): LogCallForm {
  return {
    contactName: 'Dana',
    company: 'Acme',
    outcome: 'connected',
    summary: null,
    hotButton: null,
    nextCallAt: new Date(NOW.getTime() + 2 * DAY),
    agreed: true,
    valueReason: 'warranty_expiring',
    plan: GOOD_PLAN,
    decisionMaker: null,
    purchasingProcess: null,
    budget: null,
    stakeholders: [],
    materialSent: null,
    ...overrides,
  };
}

let sequence = 0;
async function newRep(db: Database, team: string, timeZone = 'Europe/Berlin') {
  return ensurePerson(db, {
    workspaceId: team,
    slackUserId: `U${++sequence}`,
    lookUpProfile: async () => ({ timeZone, displayName: 'Rep' }),
  });
}

describeOnEachEngine('logging a call', ({ db }) => {
  it('stores a first-contact rep in UTC when their profile cannot be read, and carries on', async () => {
    const rep = await ensurePerson(db(), {
      workspaceId: 'T_PROFILE',
      slackUserId: 'U_GONE',
      lookUpProfile: () => Promise.reject(new Error('user_not_found')),
    });
    expect(rep.timeZone).toBe('UTC');
    const odd = await ensurePerson(db(), {
      workspaceId: 'T_PROFILE',
      slackUserId: 'U_ODD',
      lookUpProfile: async () => ({ timeZone: 'Not/AZone' }),
    });
    expect(odd.timeZone).toBe('UTC');
  });

  it('puts a lost prospect on a revisit date a year ahead, with no next call needed', async () => {
    const rep = await newRep(db(), 'T_LOST');
    const result = await logCall(db(), {
      workspaceId: 'T_LOST',
      rep,
      form: form({ outcome: 'lost', nextCallAt: null, plan: null, valueReason: null }),
      prospectId: null,
      sourceKey: 'lost-1',
      now: NOW,
    });
    expect(result.kind).toBe('saved');
    const [prospect] = await db().select().from(prospects).where(eq(prospects.workspaceId, 'T_LOST'));
    expect(prospect?.status).toBe('lost');
    expect(prospect?.revisitAt).toEqual(new Date(NOW.getTime() + 365 * DAY));
    expect(await db().select().from(nextSteps).where(eq(nextSteps.workspaceId, 'T_LOST'))).toHaveLength(0);
  });

  it('puts a not-interested prospect on the workspace’s revisit delay, on the rep’s local date', async () => {
    const rep = await newRep(db(), 'T_DELAY');
    await db().insert(workspaceSettings).values({ workspaceId: 'T_DELAY', revisitAfterDays: 180 });
    // 00:30 on 2 June in Berlin, summer time; 180 days on is 29 November at 00:30 there, winter time.
    const result = await logCall(db(), {
      workspaceId: 'T_DELAY',
      rep,
      form: form({ outcome: 'not_interested', nextCallAt: null, plan: null, valueReason: null }),
      prospectId: null,
      sourceKey: 'delay-1',
      now: new Date('2025-06-01T22:30:00Z'),
    });
    const [prospect] = await db().select().from(prospects).where(eq(prospects.workspaceId, 'T_DELAY'));
    expect(prospect?.revisitAt).toEqual(new Date('2025-11-28T23:30:00Z'));
    expect(result).toMatchObject({ kind: 'saved', confirmation: { revisitAt: prospect?.revisitAt } });
  });

  it('makes a revisited prospect active again when the rep calls them back', async () => {
    const rep = await newRep(db(), 'T_BACK');
    const base = { workspaceId: 'T_BACK', rep, prospectId: null, now: NOW };
    await logCall(db(), {
      ...base,
      form: form({ outcome: 'not_interested', nextCallAt: null, plan: null }),
      sourceKey: 'a',
    });
    await logCall(db(), { ...base, form: form(), sourceKey: 'b' });
    const [prospect] = await db().select().from(prospects).where(eq(prospects.workspaceId, 'T_BACK'));
    expect(prospect).toMatchObject({ status: 'active', revisitAt: null });
  });

  it('asks for a next call unless the outcome closes the deal, and refuses one more than a year out', async () => {
    const rep = await newRep(db(), 'T_WHEN');
    const base = { workspaceId: 'T_WHEN', rep, prospectId: null, now: NOW, sourceKey: 'when' };
    const missing = await logCall(db(), { ...base, form: form({ outcome: 'voicemail', nextCallAt: null }) });
    expect(missing).toMatchObject({ kind: 'invalid', errors: { nextCallAt: expect.stringMatching(/Dana/) } });
    const far = await logCall(db(), {
      ...base,
      form: form({ nextCallAt: new Date(NOW.getTime() + 400 * DAY) }),
    });
    expect(far).toMatchObject({ kind: 'invalid', errors: { nextCallAt: expect.stringMatching(/year/) } });
    const noPlan = await logCall(db(), { ...base, form: form({ plan: null }) });
    expect(noPlan).toMatchObject({ kind: 'invalid', errors: { plan: expect.any(String) } });
  });

  it('replaces the prospect’s previous next step with the new one', async () => {
    const rep = await newRep(db(), 'T_NEXT');
    const base = { workspaceId: 'T_NEXT', rep, prospectId: null, now: NOW };
    await logCall(db(), { ...base, form: form(), sourceKey: 'one' });
    await logCall(db(), {
      ...base,
      form: form({ plan: 'The new X200 model is out on 20 June: show Dana the 30% faster benchmarks' }),
      sourceKey: 'two',
    });
    const steps = await db()
      .select()
      .from(nextSteps)
      .where(eq(nextSteps.workspaceId, 'T_NEXT'))
      .orderBy(nextSteps.id);
    expect(steps.map((step) => step.status)).toEqual(['superseded', 'scheduled']);
    expect(await db().select().from(prospects).where(eq(prospects.workspaceId, 'T_NEXT'))).toHaveLength(1);
  });

  it('stops a planned call from coming due once the rep logs the prospect as lost or won', async () => {
    const rep = await newRep(db(), 'T_CLOSE');
    const base = { workspaceId: 'T_CLOSE', rep, prospectId: null, now: NOW };
    await logCall(db(), { ...base, form: form(), sourceKey: 'planned-dana' });
    await logCall(db(), { ...base, form: form({ contactName: 'Omar' }), sourceKey: 'planned-omar' });
    const closed = { nextCallAt: null, plan: null, valueReason: null };
    await logCall(db(), { ...base, form: form({ ...closed, outcome: 'lost' }), sourceKey: 'lost-dana' });
    await logCall(db(), {
      ...base,
      form: form({ ...closed, contactName: 'Omar', outcome: 'won' }),
      sourceKey: 'won-omar',
    });
    const steps = await db().select().from(nextSteps).where(eq(nextSteps.workspaceId, 'T_CLOSE'));
    expect(steps.map((step) => step.status)).toEqual(['superseded', 'superseded']);
    const due = await loadDueCalls(db(), {
      workspaceId: 'T_CLOSE',
      rep,
      now: new Date(NOW.getTime() + 3 * DAY),
      limit: 10,
    });
    expect(due.overdue.total + due.today.total).toBe(0);
  });
  it('records every coach judgement, refused and accepted, so managers see the refusal share', async () => {
    const rep = await newRep(db(), 'T_REVIEW');
    const base = { workspaceId: 'T_REVIEW', rep, prospectId: null, now: NOW };
    const refused = await logCall(db(), {
      ...base,
      form: form({ plan: 'Touch base', valueReason: null }),
      sourceKey: 'r',
    });
    expect(refused.kind).toBe('invalid');
    await logCall(db(), { ...base, form: form(), sourceKey: 'r' });
    const reviews = await db().select().from(coachReviews).where(eq(coachReviews.workspaceId, 'T_REVIEW'));
    expect(reviews.map((review) => review.verdict).sort()).toEqual(['vague', 'value']);
  });

  it('stores the profile answers and stakeholders the rep gave', async () => {
    const rep = await newRep(db(), 'T_PROFILE2');
    await logCall(db(), {
      workspaceId: 'T_PROFILE2',
      rep,
      prospectId: null,
      now: NOW,
      sourceKey: 'p',
      form: form({
        hotButton: 'Downtime costs them 10k an hour',
        decisionMaker: 'Their CFO, Lee',
        purchasingProcess: 'Three quotes, board signs off',
        budget: '50k this quarter',
        stakeholders: ['Lee', 'Sam'],
        materialSent: 'Renewal brochure',
      }),
    });
    const [prospect] = await db().select().from(prospects).where(eq(prospects.workspaceId, 'T_PROFILE2'));
    expect(prospect).toMatchObject({
      hotButton: 'Downtime costs them 10k an hour',
      decisionMaker: 'Their CFO, Lee',
      purchasingProcess: 'Three quotes, board signs off',
      budget: '50k this quarter',
    });
    expect(
      await db().select().from(stakeholders).where(eq(stakeholders.workspaceId, 'T_PROFILE2')),
    ).toHaveLength(2);
    const [interaction] = await db()
      .select()
      .from(interactions)
      .where(eq(interactions.workspaceId, 'T_PROFILE2'));
    expect(interaction).toMatchObject({ materialSent: 'Renewal brochure', materialReviewed: false });
  });

  it('stores two simultaneous submissions of one modal once', async () => {
    const rep = await newRep(db(), 'T_RACE');
    const request = {
      workspaceId: 'T_RACE',
      rep,
      prospectId: null,
      now: NOW,
      form: form(),
      sourceKey: 'race',
    };
    const results = await Promise.all([logCall(db(), request), logCall(db(), request)]);
    expect(results.map((result) => result.kind).sort()).toEqual(['already_saved', 'saved']);
    expect(await db().select().from(interactions).where(eq(interactions.workspaceId, 'T_RACE'))).toHaveLength(
      1,
    );
    expect(await db().select().from(nextSteps).where(eq(nextSteps.workspaceId, 'T_RACE'))).toHaveLength(1);
  });

  it('creates a rep on their first log and stores the call, asking the chat profile only then', async () => {
    let profileLookups = 0;
    const firstContact = {
      slackUserId: 'U_FIRST_LOG',
      ensure: () =>
        ensurePerson(db(), {
          workspaceId: 'T_FIRST',
          slackUserId: 'U_FIRST_LOG',
          lookUpProfile: async () => {
            profileLookups++;
            return { timeZone: 'America/Chicago', displayName: 'New Rep' };
          },
        }),
    };
    const request = { workspaceId: 'T_FIRST', rep: firstContact, prospectId: null, now: NOW, form: form() };
    const first = await logCall(db(), { ...request, sourceKey: 'first-1' });
    const second = await logCall(db(), {
      ...request,
      sourceKey: 'first-2',
      form: form({ contactName: 'Lee' }),
    });
    expect([first.kind, second.kind]).toEqual(['saved', 'saved']);
    expect(first.kind === 'saved' && first.confirmation.timeZone).toBe('America/Chicago');
    expect(profileLookups).toBe(1);
  });

  it('refuses a check-in even when a value category is picked from the list', async () => {
    const rep = await newRep(db(), 'T_CATEGORY');
    const request = { workspaceId: 'T_CATEGORY', rep, prospectId: null, now: NOW };
    for (const [index, plan] of ['check in tuesday', 'just following up with Dana'].entries()) {
      const result = await logCall(db(), {
        ...request,
        sourceKey: `category-${index}`,
        form: form({ valueReason: 'special_offer', plan }),
      });
      expect(result.kind).toBe('invalid');
      expect(result.kind === 'invalid' && result.errors.plan).toMatch(/Special offer/);
    }
    expect(await db().select().from(nextSteps).where(eq(nextSteps.workspaceId, 'T_CATEGORY'))).toEqual([]);
  });
});
