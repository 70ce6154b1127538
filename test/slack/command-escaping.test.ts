import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { people, prospects } from '../../src/db/schema.js';
import { addDeal } from '../jobs/support.js';
import { TEST_ENGINES } from '../support/database.js';
import { eventually, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';

/** Tuesday 10 June 2025, 11:00 in Berlin. */
const NOW = new Date('2025-06-10T09:00:00Z');

const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as {
  features: { slash_commands: Array<{ should_escape: boolean }> };
};

/**
 * With `should_escape: true` Slack rewrites what a person typed before it posts the command
 * (https://api.slack.com/interactivity/slash-commands, "Escaping", and the message formatting page,
 * https://api.slack.com/reference/surfaces/formatting): `@rita` becomes `<@U0RITA|rita>` (or `<@U0RITA>` once
 * usernames are gone), `#deals` becomes `<#C0DEALS|deals>`, and `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;`.
 * The tests below send exactly that text.
 */
for (const engine of TEST_ENGINES) {
  describe(`/followup reads command text as Slack escapes it [${engine}]`, () => {
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        users: [
          { id: 'U0BOSS', tz: 'Europe/Berlin', real_name: 'Bea Boss', is_admin: true },
          { id: 'U0RITA', tz: 'America/Chicago', real_name: 'Rita Rep', name: 'rita' },
          { id: 'U0BEN', tz: 'America/Chicago', real_name: 'Ben Rep', name: 'ben' },
        ],
      },
    });

    it('asks Slack to escape mentions, so @rita arrives as her user id', () => {
      expect(manifest.features.slash_commands.every((command) => command.should_escape)).toBe(true);
    });

    it('names Rita and Ben on the team from `/followup team @rita @ben` as Slack sends it', async () => {
      await t.reply('due', 'U0RITA');
      await t.reply('due', 'U0BEN');
      expect(await t.reply('team <@U0RITA|rita> <@U0BEN>', 'U0BOSS')).toBe(
        'Your team now includes <@U0RITA>, <@U0BEN>.',
      );
      const [boss] = await t.db.select().from(people).where(eq(people.slackUserId, 'U0BOSS'));
      const team = await t.db
        .select()
        .from(people)
        .where(eq(people.managerId, boss?.id ?? 0));
      expect(team.map((rep) => rep.slackUserId).sort()).toEqual(['U0BEN', 'U0RITA']);
    });

    it('reads a pause reason with `&` and a channel as the rep typed them', async () => {
      const [rita] = await t.db.select().from(people).where(eq(people.slackUserId, 'U0RITA'));
      await addDeal(t.db, { workspaceId: TEST_TEAM, ownerId: rita?.id ?? 0, contactName: 'Dana' });
      const answer = await t.reply(
        'pause Dana until 2025-07-01 legal &amp; budget review, see <#C0DEALS|deals>',
        'U0RITA',
      );
      // The reply is mrkdwn, so the `&` goes back escaped: Slack shows it as the rep typed it.
      expect(answer).toContain('legal &amp; budget review, see #deals');
      const [deal] = await t.db.select().from(prospects).where(eq(prospects.contactName, 'Dana'));
      expect(deal?.pauseReason).toBe('legal & budget review, see #deals');
    });

    it('prefills the log modal with a prospect name typed with `&`', async () => {
      await t.sendCommand('log AT&amp;T', 'U0RITA');
      const open = await eventually(() => {
        const call = t.fake.callsTo('views.open').at(-1);
        expect(call?.ok).toBe(true);
        return call;
      });
      // A name the rep has no prospect for is offered as a new one in the prospect typeahead.
      expect(JSON.stringify(open?.args.view)).toContain('"text":"New prospect: AT&T"');
    });
  });
}
