import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { nextSteps, people, prospects, workspaces } from '../../src/db/schema.js';
import { findBlockKitViolations } from '../support/block-kit-limits.js';
import { TEST_ENGINES } from '../support/database.js';
import { messageShortcutPayload } from '../support/signed-requests.js';
import { eventually, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';

/** Monday 2 June 2025, 10:00 in Berlin. */
const NOW = new Date('2025-06-02T08:00:00Z');
const DAY = 86_400_000;

for (const engine of TEST_ENGINES) {
  describe(`App Home, the Log follow-up shortcut and profile changes [${engine}]`, () => {
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        users: [
          { id: 'U0BUSY', tz: 'Europe/Berlin' },
          { id: 'U0NEW', tz: 'Asia/Tokyo' },
          { id: 'U0TRIP', tz: 'Europe/London' },
          { id: 'U0SUE', tz: 'Europe/London', real_name: 'Sue Lee', name: 'sue' },
        ],
      },
    });

    it('shows a rep with 500 prospects a Home tab within Block Kit limits, summarising the rest', async () => {
      await t.db.insert(workspaces).values({ id: TEST_TEAM }).onConflictDoNothing();
      const [owner] = await t.db
        .insert(people)
        .values({ workspaceId: TEST_TEAM, slackUserId: 'U0BUSY', timeZone: 'Europe/Berlin' })
        .returning();
      if (!owner) throw new Error('no rep');
      const long = 'x'.repeat(1900);
      const rows = await t.db
        .insert(prospects)
        .values(
          Array.from({ length: 500 }, (_, index) => ({
            workspaceId: TEST_TEAM,
            ownerId: owner.id,
            contactName: `Contact ${index} ${long.slice(0, 100)}`,
            company: `Company ${index}`,
            nameKey: `contact ${index}|company ${index}`,
            hotButton: long,
            ...(index % 5 === 4
              ? { status: 'lost' as const, revisitAt: new Date(NOW.getTime() + (index % 20) * DAY) }
              : {}),
          })),
        )
        .returning();
      await t.db.insert(nextSteps).values(
        rows
          .filter((_, index) => index % 5 < 3)
          .map((prospect, index) => ({
            workspaceId: TEST_TEAM,
            prospectId: prospect.id,
            ownerId: owner.id,
            // Half overdue, half later today in Berlin.
            dueAt: new Date(NOW.getTime() + (index % 2 === 0 ? -(index + 1) * 3_600_000 : 3_600_000)),
            plan: `Bring the signed-off budget numbers and ${long}`,
            valueReason: 'relevant_report' as const,
          })),
      );

      const response = await t.sendEvent({
        type: 'app_home_opened',
        user: 'U0BUSY',
        channel: 'D0BUSY',
        tab: 'home',
      });
      expect(response.status).toBe(200);
      const publish = await eventually(() => {
        const [call] = t.fake.callsTo('views.publish');
        expect(call).toBeDefined();
        return call;
      });
      expect(publish?.error).toBeUndefined();
      expect(publish?.ok).toBe(true);
      expect(findBlockKitViolations('home', publish?.args.view)).toEqual([]);
      const text = JSON.stringify(publish?.args.view);
      expect(text).toMatch(/more, earliest first/);
      expect(text).toContain('Stalled deals');
      expect(text).toContain('To revisit');
      expect(text).toContain('Relevant report or article');
    });

    it('stores a new rep with their time zone the first time they open Home', async () => {
      await t.sendEvent({ type: 'app_home_opened', user: 'U0NEW', channel: 'D0NEW', tab: 'home' });
      const person = await eventually(async () => {
        const [row] = await t.db.select().from(people).where(eq(people.slackUserId, 'U0NEW'));
        expect(row).toBeDefined();
        return row;
      });
      expect(person?.timeZone).toBe('Asia/Tokyo');
    });

    it('follows a rep’s new time zone when their profile changes', async () => {
      await t.sendEvent({ type: 'app_home_opened', user: 'U0TRIP', channel: 'D0TRIP', tab: 'home' });
      await eventually(async () => {
        const [row] = await t.db.select().from(people).where(eq(people.slackUserId, 'U0TRIP'));
        expect(row?.timeZone).toBe('Europe/London');
      });
      await t.sendEvent({
        type: 'user_change',
        user: { id: 'U0TRIP', tz: 'America/Chicago', real_name: 'Tripper' },
      });
      await eventually(async () => {
        const [row] = await t.db.select().from(people).where(eq(people.slackUserId, 'U0TRIP'));
        expect(row?.timeZone).toBe('America/Chicago');
      });
    });

    it('opens the log modal from a message with its text, as people read it, as the summary', async () => {
      const response = await t.sendInteraction(
        messageShortcutPayload({
          user: 'U0NEW',
          team: TEST_TEAM,
          callback_id: 'log_follow_up_from_message',
          channel: 'C0DEALS',
          message: {
            ts: '1748851200.000200',
            // As Slack stores message text (https://api.slack.com/reference/surfaces/formatting): entities,
            // a mention with no name, and a labelled link.
            text: 'Dana &amp; <@U0SUE> say the board meets on the 12th &amp; wants &lt;numbers&gt;: <https://acme.example/q2|Q2 plan>',
          },
        }),
      );
      expect(response.status).toBe(200);
      const open = await eventually(() => {
        const [call] = t.fake.callsTo('views.open');
        expect(call?.ok).toBe(true);
        return call;
      });
      const view = open?.args.view as { private_metadata: string; blocks: Array<{ type: string }> };
      // The notes wait in "More about them", and the first view says they are kept.
      expect(JSON.parse(view.private_metadata).more.summary).toBe(
        'Dana & @sue say the board meets on the 12th & wants <numbers>: Q2 plan (https://acme.example/q2)',
      );
      expect(JSON.stringify(view.blocks)).toContain('notes: Dana &amp; @sue say the board meets');
    });

    it('sent Slack only messages and views that pass Block Kit’s limits', () => {
      expect(t.fake.calls.length).toBeGreaterThan(0);
      expect(t.blockKitRejections()).toEqual([]);
    });
  });
}
