import { expect, it } from 'vitest';
import { loadHome } from '../../src/usecases/load-home.js';
import { addDeal, addPerson, at, freshWorkspace } from '../jobs/support.js';
import { describeOnEachEngine } from '../support/database.js';

describeOnEachEngine('stalled deals on the rep’s Home tab', ({ db }) => {
  it('uses the digest’s stall rules: a deal gone dark shows, one waiting on an agreed call does not', async () => {
    const now = at('2026-02-10T10:00:00Z');
    const workspaceId = await freshWorkspace(db());
    const rep = await addPerson(db(), { workspaceId, slackUserId: 'UHOME', timeZone: 'Europe/Paris' });
    await addDeal(db(), {
      workspaceId,
      ownerId: rep.id,
      contactName: 'Gone Dark',
      stakeholders: ['Sue'],
      touches: [
        { at: at('2026-02-01T10:00:00Z'), outcome: 'voicemail' },
        { at: at('2026-02-03T10:00:00Z'), outcome: 'no_answer' },
        { at: at('2026-02-05T10:00:00Z'), outcome: 'voicemail' },
      ],
    });
    await addDeal(db(), {
      workspaceId,
      ownerId: rep.id,
      contactName: 'Waiting As Agreed',
      stakeholders: ['Jerry'],
      createdAt: at('2025-12-01T10:00:00Z'),
      touches: [{ at: at('2025-12-20T10:00:00Z'), outcome: 'connected' }],
      step: { dueAt: at('2026-02-20T10:00:00Z'), agreed: true },
    });

    const home = await loadHome(db(), { workspaceId, rep, now, limit: 12 });

    expect(home.stalled.rows.map((row) => row.deal.contactName)).toEqual(['Gone Dark']);
    expect(home.stalled.rows[0]?.reasons.map((reason) => reason.kind)).toContain('gone_dark');
  });
});
