import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  coachReviews,
  deliveries,
  deliveryKindIs,
  interactions,
  jobRuns,
  nextSteps,
  people,
  prospects,
  stakeholders,
  workspaceSettings,
  workspaces,
} from '../../src/db/schema.js';
import { describeOnEachEngine } from '../support/database.js';

describeOnEachEngine('every table stores and returns what was written', ({ db }) => {
  it('keeps a whole deal: workspace, settings, people, prospect, stakeholder, interaction, next step', async () => {
    await db().insert(workspaces).values({ id: 'T_ROUND', name: 'Round Trip Inc' });
    await db().insert(workspaceSettings).values({ workspaceId: 'T_ROUND', managerChannelId: 'C_MGR' });
    const [manager] = await db()
      .insert(people)
      .values({ workspaceId: 'T_ROUND', slackUserId: 'U_MGR', role: 'manager', timeZone: 'Europe/Berlin' })
      .returning();
    const [rep] = await db()
      .insert(people)
      .values({
        workspaceId: 'T_ROUND',
        slackUserId: 'U_REP',
        managerId: manager?.id,
        timeZone: 'Pacific/Auckland',
      })
      .returning();
    if (!manager || !rep) throw new Error('people were not stored');
    const [prospect] = await db()
      .insert(prospects)
      .values({
        workspaceId: 'T_ROUND',
        ownerId: rep.id,
        contactName: 'Pat Lee',
        company: 'Acme',
        nameKey: 'pat lee|acme',
        hotButton: 'cutting the cost of unscheduled maintenance',
        decisionMaker: 'Sue (CFO)',
      })
      .returning();
    if (!prospect) throw new Error('prospect was not stored');
    await db().insert(stakeholders).values({
      workspaceId: 'T_ROUND',
      prospectId: prospect.id,
      name: 'Sue',
      nameKey: 'sue',
      isDecisionMaker: true,
    });
    const occurredAt = new Date('2026-11-20T15:00:00Z');
    const [interaction] = await db()
      .insert(interactions)
      .values({
        workspaceId: 'T_ROUND',
        prospectId: prospect.id,
        repId: rep.id,
        occurredAt,
        outcome: 'sent_material',
        materialSent: 'spec sheet',
        materialReviewed: false,
        touchType: 'value',
        sourceKey: 'view:V1',
      })
      .returning();
    const dueAt = new Date('2026-11-24T09:00:00Z');
    await db().insert(nextSteps).values({
      workspaceId: 'T_ROUND',
      prospectId: prospect.id,
      ownerId: rep.id,
      interactionId: interaction?.id,
      dueAt,
      agreed: true,
      valueReason: 'review_material',
      plan: 'Go through the spec sheet together',
      coachVerdict: 'value',
    });
    await db()
      .insert(coachReviews)
      .values({
        workspaceId: 'T_ROUND',
        repId: rep.id,
        verdict: 'vague',
        plan: 'just checking in',
        reasons: ['cliché'],
      });

    const [storedSettings] = await db()
      .select()
      .from(workspaceSettings)
      .where(eq(workspaceSettings.workspaceId, 'T_ROUND'));
    expect(storedSettings).toMatchObject({
      managerChannelId: 'C_MGR',
      digestWeekdays: [1, 2, 3, 4, 5],
      staleAfterDays: 14,
    });
    const [storedRep] = await db().select().from(people).where(eq(people.id, rep.id));
    expect(storedRep).toMatchObject({
      managerId: manager.id,
      timeZone: 'Pacific/Auckland',
      morningDmHour: 8,
      morningDmMinute: 30,
    });
    const [storedStep] = await db().select().from(nextSteps).where(eq(nextSteps.prospectId, prospect.id));
    expect(storedStep).toMatchObject({
      dueAt,
      agreed: true,
      status: 'scheduled',
      snoozeCount: 0,
      valueReason: 'review_material',
    });
    const [storedInteraction] = await db()
      .select()
      .from(interactions)
      .where(eq(interactions.prospectId, prospect.id));
    expect(storedInteraction).toMatchObject({
      occurredAt,
      materialReviewed: false,
      outcome: 'sent_material',
    });
    expect(
      await db().select().from(stakeholders).where(eq(stakeholders.prospectId, prospect.id)),
    ).toHaveLength(1);
    const [review] = await db().select().from(coachReviews).where(eq(coachReviews.repId, rep.id));
    expect(review?.reasons).toEqual(['cliché']);
  });

  it("refuses a second delivery with the same key under its kind's index, and a key missing a part", async () => {
    await db().insert(workspaces).values({ id: 'T_DELIVERY' });
    const row = {
      workspaceId: 'T_DELIVERY',
      kind: 'due_dm' as const,
      subject: 'U1',
      localDay: '2026-11-23',
      recipientId: 'U1',
    };
    const target = {
      target: [deliveries.workspaceId, deliveries.subject, deliveries.localDay],
      where: deliveryKindIs('due_dm'),
    };
    const first = await db().insert(deliveries).values(row).onConflictDoNothing(target).returning();
    const second = await db().insert(deliveries).values(row).onConflictDoNothing(target).returning();
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
    expect(first[0]).toMatchObject({ status: 'claimed', attempts: 0, localDay: '2026-11-23' });
    // The same parts under another kind are another message.
    await db()
      .insert(deliveries)
      .values({ ...row, kind: 'digest', recipientId: 'C1' });
    // A null part would make the row distinct to every other: the check refuses it.
    await expect(
      db()
        .insert(deliveries)
        .values({ ...row, localDay: null }),
    ).rejects.toThrow();
  });

  it('records job runs', async () => {
    const asOf = new Date('2026-11-23T08:30:00Z');
    const [run] = await db()
      .insert(jobRuns)
      .values({ job: 'due_dms', instanceId: 'i-1', asOf, sent: 3 })
      .returning();
    expect(run).toMatchObject({ job: 'due_dms', asOf, sent: 3, skipped: 0, failed: 0, finishedAt: null });
  });

  it('does not let one rep create the same prospect twice', async () => {
    await db().insert(workspaces).values({ id: 'T_DUP' });
    const [rep] = await db().insert(people).values({ workspaceId: 'T_DUP', slackUserId: 'U1' }).returning();
    if (!rep) throw new Error('rep was not stored');
    const prospect = {
      workspaceId: 'T_DUP',
      ownerId: rep.id,
      contactName: 'Ann',
      company: 'Beta',
      nameKey: 'ann|beta',
    };
    await db().insert(prospects).values(prospect);
    await expect(db().insert(prospects).values(prospect)).rejects.toThrow();
  });
});
