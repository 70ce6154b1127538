import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { findPersonBySlackId } from '../../src/db/queries/people.js';
import { people, prospects } from '../../src/db/schema.js';
import { mentionedUserIds } from '../../src/slack/formatted-text.js';
import { loadDigestNow } from '../../src/usecases/load-digest-now.js';
import { pauseDeal } from '../../src/usecases/pause-deal.js';
import { setTeam } from '../../src/usecases/set-team.js';
import { describeOnEachEngine } from '../support/database.js';
import { addDeal, addPerson, at, freshWorkspace } from './support.js';

describeOnEachEngine('pause, team and digest-now', ({ db }) => {
  it('pauses only the rep’s own deal, until the start of that day in the rep’s zone, with the reason', async () => {
    const ws = await freshWorkspace(db());
    const rep = await addPerson(db(), { workspaceId: ws, slackUserId: 'UPAUSE', timeZone: 'Europe/Berlin' });
    const other = await addPerson(db(), { workspaceId: ws, slackUserId: 'UOTHER', timeZone: 'UTC' });
    const { prospectId } = await addDeal(db(), { workspaceId: ws, ownerId: rep.id, contactName: 'Dana' });
    await addDeal(db(), { workspaceId: ws, ownerId: other.id, contactName: 'Olga' });
    const now = at('2026-01-10T10:00:00Z');
    const result = await pauseDeal(db(), {
      workspaceId: ws,
      rep,
      prospectName: 'dana',
      untilDay: '2026-04-01',
      reason: 'budget freeze until Q2',
      now,
    });
    expect(result).toEqual({ kind: 'paused', contactName: 'Dana', until: at('2026-03-31T22:00:00Z') });
    const [row] = await db().select().from(prospects).where(eq(prospects.id, prospectId));
    expect(row).toMatchObject({
      pauseReason: 'budget freeze until Q2',
      pausedUntil: at('2026-03-31T22:00:00Z'),
    });
    const notMine = await pauseDeal(db(), {
      workspaceId: ws,
      rep,
      prospectName: 'Olga',
      untilDay: '2026-04-01',
      reason: 'x',
      now,
    });
    expect(notMine).toEqual({ kind: 'not_found' });
    const past = await pauseDeal(db(), {
      workspaceId: ws,
      rep,
      prospectName: 'Dana',
      untilDay: '2025-01-01',
      reason: 'x',
      now,
    });
    expect(past).toEqual({ kind: 'bad_date' });
  });

  it('makes the caller the manager of the mentioned reps, and only managers get a digest', async () => {
    const ws = await freshWorkspace(db(), { managerChannelId: 'CMGRS' });
    const boss = await addPerson(db(), { workspaceId: ws, slackUserId: 'UBOSS2', timeZone: 'UTC' });
    const rep = await addPerson(db(), { workspaceId: ws, slackUserId: 'UREP2', timeZone: 'UTC' });
    const now = at('2026-01-10T10:00:00Z');
    expect(await loadDigestNow(db(), { workspaceId: ws, person: rep, now })).toEqual({
      kind: 'not_manager',
    });
    const ids = mentionedUserIds('<@UREP2|ana> and <@UNOBODY>');
    expect(ids).toEqual(['UREP2', 'UNOBODY']);
    const requester = { person: boss, isWorkspaceAdmin: true };
    expect(await setTeam(db(), { workspaceId: ws, requester, slackUserIds: ids })).toEqual({
      kind: 'set',
      added: ['UREP2'],
      onAnotherTeam: [],
      unknown: ['UNOBODY'],
    });
    const [stored] = await db().select().from(people).where(eq(people.id, rep.id));
    expect(stored?.managerId).toBe(boss.id);
    const manager = await findPersonBySlackId(db(), { workspaceId: ws, slackUserId: 'UBOSS2' });
    if (!manager) throw new Error('manager missing');
    const result = await loadDigestNow(db(), { workspaceId: ws, person: manager, now });
    expect(result.kind === 'digest' && result.channel).toBe('CMGRS');
  });
});
