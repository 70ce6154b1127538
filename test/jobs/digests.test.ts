import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { people } from '../../src/db/schema.js';
import { runDigests } from '../../src/jobs/digests.js';
import { describeOnEachEngine } from '../support/database.js';
import {
  addCoachReview,
  addDeal,
  addPerson,
  at,
  dealsListed,
  freshWorkspace,
  useJobWorld,
} from './support.js';

describeOnEachEngine('manager digest', ({ db }) => {
  const world = useJobWorld();

  const NOW = at('2025-06-10T07:00:00Z'); // Tuesday 09:00 in Berlin
  const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
  const daysAhead = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

  async function team(configuredAt: Date) {
    const ws = await freshWorkspace(db(), { managerChannelId: 'CSALES', updatedAt: configuredAt });
    const manager = await addPerson(db(), {
      workspaceId: ws,
      slackUserId: 'UBOSS',
      role: 'manager',
      timeZone: 'Europe/Berlin',
    });
    const rep = await addPerson(db(), {
      workspaceId: ws,
      slackUserId: 'UREP',
      displayName: 'Ana',
      managerId: manager.id,
      timeZone: 'America/Chicago',
    });
    const healthy = { stakeholders: ['Sue'], createdAt: daysAgo(60) };
    const real = (days: number) => ({ at: daysAgo(days), outcome: 'connected' as const });
    // One deal for each thing the digest reports on or leaves out.
    const deals: Omit<Parameters<typeof addDeal>[1], 'workspaceId' | 'ownerId'>[] = [
      {
        contactName: 'Waiting As Agreed',
        ...healthy,
        touches: [real(40)],
        step: { dueAt: daysAhead(5), agreed: true },
      },
      {
        contactName: 'Missed Step',
        ...healthy,
        touches: [real(3)],
        step: { dueAt: daysAgo(2), agreed: true },
      },
      {
        contactName: 'Quiet Too Long',
        ...healthy,
        touches: [real(20), { at: daysAgo(5), outcome: 'voicemail' }],
      },
      {
        contactName: 'Gone Dark',
        ...healthy,
        touches: [
          real(6),
          { at: daysAgo(5), outcome: 'voicemail' },
          { at: daysAgo(4), outcome: 'no_answer' },
          { at: daysAgo(3), outcome: 'voicemail' },
        ],
        step: { dueAt: daysAhead(2), agreed: false },
      },
      {
        contactName: 'Lone Contact',
        createdAt: daysAgo(60),
        touches: [real(1)],
        step: { dueAt: daysAhead(3), agreed: true },
      },
      {
        contactName: 'All Asks',
        ...healthy,
        touches: [
          { ...real(3), touchType: 'ask' },
          { ...real(2), touchType: 'ask' },
          { ...real(1), touchType: 'value' },
        ],
        step: { dueAt: daysAhead(3), agreed: true },
      },
      {
        contactName: 'Second Chance',
        status: 'not_interested',
        revisitAt: daysAgo(1),
      },
      {
        contactName: 'Not Yet',
        status: 'not_interested',
        revisitAt: daysAhead(100),
      },
      {
        contactName: 'Snoozed',
        ...healthy,
        touches: [real(1)],
        step: { dueAt: daysAhead(1), agreed: true, snoozeCount: 3 },
      },
      {
        contactName: 'Budget Freeze',
        ...healthy,
        touches: [real(90)],
        pausedUntil: daysAhead(30),
        pauseReason: 'budget freeze until Q2',
      },
      {
        contactName: 'Back From Leave',
        ...healthy,
        touches: [real(60)],
        pausedUntil: daysAgo(1),
        pauseReason: 'buyer on leave',
        step: { dueAt: daysAhead(4), agreed: true },
      },
    ];
    for (const deal of deals) await addDeal(db(), { workspaceId: ws, ownerId: rep.id, ...deal });
    await addCoachReview(db(), { workspaceId: ws, repId: rep.id, verdict: 'vague', createdAt: daysAgo(1) });
    await addCoachReview(db(), { workspaceId: ws, repId: rep.id, verdict: 'value', createdAt: daysAgo(1) });
    return ws;
  }

  it('lists exactly the stalled deals the rules define, per rep, with the week’s habits', async () => {
    await team(at('2025-06-09T22:00:00Z'));
    await runDigests(world.deps(db()), new Date(NOW.getTime() - 60_000));
    expect(world.slack.messagesTo('CSALES')).toHaveLength(0);
    await runDigests(world.deps(db()), NOW);
    await runDigests(world.deps(db()), new Date(NOW.getTime() + 60_000));
    const posted = world.slack.messagesTo('CSALES');
    expect(posted).toHaveLength(1);
    const body = JSON.stringify(posted[0]?.blocks);
    expect(dealsListed(posted[0]?.blocks).sort()).toEqual([
      'All Asks: mostly asks: 33% value touches (aim for 70/30)',
      'Back From Leave: back from pause: buyer on leave',
      'Gone Dark: gone dark: 3 unanswered touches in a row (release the pressure)',
      'Missed Step: next step overdue by 2 day(s)',
      'Quiet Too Long: no real contact for 20 days',
      'Second Chance: due for a second-chance revisit',
      'Snoozed: snoozed 3 times',
    ]);
    // Single-threaded, but its call is agreed with the prospect: a note, not a stalled deal.
    expect(body).toContain(
      'Lone Contact (Acme)*: note: single-threaded, but a call agreed with them is coming',
    );
    expect(body).toContain('→ _send one easy-out message');
    expect(body).toContain('calls done when due 0%');
    expect(body).toContain('plans sent back by the coach 50%');
    expect(body).toMatch(/Budget Freeze \(Acme\)\*: paused until \w{3} \d+ \w{3} \d{4}: /);
  });

  it('sends one digest of every rep while no team is named, and one per team once teams are named', async () => {
    const ws = await freshWorkspace(db(), { managerChannelId: 'CALL', updatedAt: daysAgo(1) });
    const manager = { workspaceId: ws, role: 'manager', timeZone: 'UTC' } as const;
    const first = await addPerson(db(), { ...manager, slackUserId: 'UM1' });
    const second = await addPerson(db(), { ...manager, slackUserId: 'UM2' });
    for (const name of ['Ada', 'Bo']) {
      const rep = await addPerson(db(), { workspaceId: ws, slackUserId: `U${name}`, timeZone: 'UTC' });
      await addDeal(db(), { workspaceId: ws, ownerId: rep.id, contactName: `Lone ${name}`, touches: [] });
    }
    await runDigests(world.deps(db()), NOW);
    const [everyone, ...more] = world.slack.messagesTo('CALL');
    expect(more).toHaveLength(0);
    expect(JSON.stringify(everyone?.blocks)).toContain('Lone Ada');
    expect(JSON.stringify(everyone?.blocks)).toContain('Lone Bo');
    expect(JSON.stringify(everyone?.blocks)).toContain('Team digest for <@UM1>');

    world.slack.reset();
    await db().update(people).set({ managerId: second.id }).where(eq(people.slackUserId, 'UBo'));
    await runDigests(world.deps(db()), new Date(NOW.getTime() + 86_400_000));
    const [only, ...others] = world.slack.messagesTo('CALL');
    expect(others).toHaveLength(0);
    expect(JSON.stringify(only?.blocks)).toContain('Team digest for <@UM2>');
    expect(JSON.stringify(only?.blocks)).toContain('Lone Bo');
    expect(JSON.stringify(only?.blocks)).not.toContain('Lone Ada');
    expect(first.role).toBe('manager');
  });

  it('sends a digest missed on its day once, marked late, and none on days that are not configured', async () => {
    await team(at('2025-06-11T12:00:00Z'));
    // Friday 13 June was missed entirely; Saturday's pass sends it, late, and only once.
    await runDigests(world.deps(db()), at('2025-06-14T10:00:00Z'));
    await runDigests(world.deps(db()), at('2025-06-14T10:01:00Z'));
    const posted = world.slack.messagesTo('CSALES');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toContain('late');
  });
});
