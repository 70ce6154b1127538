import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactions, nextSteps, people, prospects, stakeholders, workspaces } from '../../src/db/schema.js';
import { ACTIONS } from '../../src/slack/ids.js';
import { TEST_ENGINES } from '../support/database.js';
import { blockActionsPayload } from '../support/signed-requests.js';
import { eventually, type SlackTestApp, startSlackTestApp, TEST_TEAM } from '../support/slack-test-app.js';

/** Tuesday 1 December 2026, 14:00 in New York. */
const NOW = new Date('2026-12-01T19:00:00Z');
const DAY = 86_400_000;

type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; accessory?: Button };
type Button = { type: string; action_id?: string; value?: string; text?: { text: string } };

for (const engine of TEST_ENGINES) {
  describe(`the digest's "Open plan" button [${engine}]`, () => {
    let t: SlackTestApp;
    let danaId = 0;

    beforeAll(async () => {
      t = await startSlackTestApp({
        engine,
        now: NOW,
        fakeOptions: {
          users: [
            { id: 'U0MGR', tz: 'America/New_York', real_name: 'Mo Manager' },
            { id: 'U0MGR2', tz: 'UTC', real_name: 'Other Manager' },
            { id: 'U0ANA', tz: 'Europe/Berlin', real_name: 'Ana Rep' },
            { id: 'U0BEN', tz: 'UTC', real_name: 'Ben Rep' },
            { id: 'U0SNEAK', tz: 'UTC', real_name: 'Sam Sneak' },
          ],
        },
      });
      await t.db.insert(workspaces).values({ id: TEST_TEAM }).onConflictDoNothing();
      const add = async (slackUserId: string, values: Partial<typeof people.$inferInsert> = {}) => {
        const [row] = await t.db
          .insert(people)
          .values({ workspaceId: TEST_TEAM, slackUserId, timeZone: 'UTC', ...values })
          .returning();
        if (!row) throw new Error('no person');
        return row;
      };
      const manager = await add('U0MGR', { role: 'manager', timeZone: 'America/New_York' });
      const other = await add('U0MGR2', { role: 'manager' });
      const ana = await add('U0ANA', {
        displayName: 'Ana Rep',
        managerId: manager.id,
        timeZone: 'Europe/Berlin',
      });
      await add('U0BEN', { displayName: 'Ben Rep', managerId: other.id });
      await add('U0SNEAK');
      const deal = async (contactName: string, values: Partial<typeof prospects.$inferInsert> = {}) => {
        const [row] = await t.db
          .insert(prospects)
          .values({
            workspaceId: TEST_TEAM,
            ownerId: ana.id,
            contactName,
            company: 'Acme & Sons',
            nameKey: `${contactName.toLowerCase()}|acme`,
            createdAt: new Date(NOW.getTime() - 60 * DAY),
            ...values,
          })
          .returning();
        if (!row) throw new Error('no prospect');
        return row;
      };
      const dana = await deal('Dana Reyes', { hotButton: 'downtime on line 2', budget: '40k this quarter' });
      danaId = dana.id;
      const touch = (daysAgo: number, outcome: 'connected' | 'voicemail', summary: string | null) => ({
        workspaceId: TEST_TEAM,
        prospectId: dana.id,
        repId: ana.id,
        occurredAt: new Date(NOW.getTime() - daysAgo * DAY),
        outcome,
        summary,
        touchType: 'value' as const,
      });
      const [latest] = await t.db
        .insert(interactions)
        .values([
          touch(30, 'connected', 'Liked the <sensor> demo'),
          touch(20, 'voicemail', null),
          touch(16, 'voicemail', 'No answer on the mobile either'),
        ])
        .returning();
      await t.db.insert(nextSteps).values({
        workspaceId: TEST_TEAM,
        prospectId: dana.id,
        ownerId: ana.id,
        interactionId: latest?.id ?? null,
        dueAt: new Date('2026-11-24T14:00:00Z'),
        agreed: false,
        plan: 'Bring the renewal quote for the two presses before the warranty ends',
      });
      await t.db.insert(stakeholders).values({
        workspaceId: TEST_TEAM,
        prospectId: dana.id,
        name: 'Lee Park',
        nameKey: 'lee park',
        title: 'CFO',
      });
      await deal('Eli Stone');
    });
    afterAll(async () => {
      await t?.stop();
    });

    /** The manager's digest, as /followup digest answers when no channel is set. */
    async function digestButtons(): Promise<Button[]> {
      const before = t.responses.length;
      await t.sendCommand('digest', 'U0MGR');
      const digest = await eventually(() => {
        const answer = t.responses.slice(before).find((response) => Array.isArray(response.body.blocks));
        if (!answer) throw new Error('no digest yet');
        return answer.body.blocks as Block[];
      });
      return digest.flatMap((block) => (block.accessory ? [block.accessory] : []));
    }

    async function pressOpenPlan(user: string, prospectId: number) {
      const before = t.responses.length;
      const opened = t.fake.callsTo('views.open').length;
      const response = await t.sendInteraction(
        blockActionsPayload({
          user,
          team: TEST_TEAM,
          actions: [{ type: 'button', action_id: ACTIONS.openRepPlan, value: String(prospectId) } as never],
          message: { channel: 'C0DIGEST', ts: '1764615600.000100' },
        }),
      );
      expect(response.status).toBe(200);
      return eventually(() => {
        const views = t.fake.callsTo('views.open').slice(opened);
        const replies = t.responses.slice(before).filter((reply) => reply.path.endsWith(`/${user}`));
        if (views.length + replies.length === 0) throw new Error('no answer yet');
        return { view: views[0], reply: replies[0]?.body };
      });
    }

    it('puts an "Open plan" button on each stalled deal of the digest, carrying the deal', async () => {
      const buttons = (await digestButtons()).filter((button) => button.action_id === ACTIONS.openRepPlan);
      expect(buttons.map((button) => button.text?.text)).toEqual(['Open plan', 'Open plan']);
      expect(buttons.map((button) => Number(button.value))).toContain(danaId);
    });

    it('opens the rep’s plan read-only for their manager: next step in the manager’s words, profile, people, touches', async () => {
      const { view, reply } = await pressOpenPlan('U0MGR', danaId);
      expect(reply).toBeUndefined();
      expect(view?.error).toBeUndefined();
      const modal = view?.args.view as { type: string; submit?: unknown; blocks: Block[] };
      expect(modal.type).toBe('modal');
      expect(modal.submit).toBeUndefined();
      const text = modal.blocks
        .flatMap((block) => [block.text?.text ?? '', ...(block.fields ?? []).map((field) => field.text)])
        .join('\n');
      expect(text).toContain('*Dana Reyes (Acme &amp; Sons)*\nRep: <@U0ANA>');
      expect(text).toContain('*Latest outcome:* Left a voicemail · Sun 15 Nov, 14:00 ET');
      expect(text).toContain('*Next step:* Tue 24 Nov, 9:00 ET · not agreed with them yet');
      expect(text).toContain('>Bring the renewal quote for the two presses before the warranty ends');
      expect(text).toContain('*Hot button*\ndowntime on line 2');
      expect(text).toContain('*Decision maker*\n_not known yet_');
      expect(text).toContain('*Purchasing process*\n_not known yet_');
      expect(text).toContain('*Budget*\n40k this quarter');
      expect(text).toContain('*Others involved:* Lee Park (CFO)');
      expect(text).toContain('Connected · brought value: Liked the &lt;sensor&gt; demo');
      expect(text.match(/^• /gm)).toHaveLength(3);
      expect(t.blockKitRejections()).toEqual([]);
    });

    it('tells anyone who is not a manager of the rep, in one line, and opens nothing', async () => {
      for (const user of ['U0SNEAK', 'U0MGR2', 'U0ANA']) {
        const { view, reply } = await pressOpenPlan(user, danaId);
        expect(view).toBeUndefined();
        expect(reply?.response_type).toBe('ephemeral');
        expect(reply?.text).toBe('Only a manager of this rep can open their plan.');
      }
    });

    it('says a deal won since the digest was posted is closed, and one deleted no longer exists', async () => {
      const [eli] = await t.db.select().from(prospects).where(eq(prospects.contactName, 'Eli Stone'));
      await t.db
        .update(prospects)
        .set({ status: 'won' })
        .where(eq(prospects.id, eli?.id ?? 0));
      const closed = await pressOpenPlan('U0MGR', eli?.id ?? 0);
      expect(closed.view).toBeUndefined();
      expect(closed.reply?.text).toBe(
        'Eli Stone (Acme &amp; Sons) has been closed (won) since this digest was posted, so it has no plan any more.',
      );
      await t.db.delete(prospects).where(eq(prospects.id, eli?.id ?? 0));
      const gone = await pressOpenPlan('U0MGR', eli?.id ?? 0);
      expect(gone.view).toBeUndefined();
      expect(gone.reply?.text).toBe('That deal no longer exists, so there is no plan to open.');
    });
  });
}
