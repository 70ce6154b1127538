import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { installations, workspaces } from '../../src/db/schema.js';
import { BOT_SCOPES } from '../../src/slack/install/oauth-options.js';
import {
  followRedirect,
  installThroughBrowser,
  openInstallPage,
  redirectUrlOf,
} from '../support/browser-install.js';
import { TEST_ENGINES } from '../support/database.js';
import { eventCallback, sendEvent, sendSlashCommand } from '../support/signed-requests.js';
import {
  eventually,
  TEST_OAUTH_APP,
  TEST_SIGNING_SECRET,
  useSlackTestApp,
} from '../support/slack-test-app.js';

const NOW = new Date('2026-04-01T12:00:00Z');
const ACME = { teamId: 'T0ACME', name: 'Acme Sales', botUserId: 'U0ACMEBOT', botId: 'B0ACMEBOT' };
const GLOBEX = { teamId: 'T0GLOBEX', name: 'Globex', botUserId: 'U0GLOBEXBOT', botId: 'B0GLOBEXBOT' };
const ELEVEN_MINUTES = 11 * 60 * 1000;

for (const engine of TEST_ENGINES) {
  describe(`installing through Slack's OAuth flow [${engine}]`, () => {
    const t = useSlackTestApp({
      engine,
      now: NOW,
      install: 'oauth',
      logLevel: 'debug',
      fakeOptions: {
        workspaces: [ACME, GLOBEX],
        users: [{ id: 'U0ANNA', teamId: ACME.teamId, tz: 'Europe/Berlin' }],
      },
    });

    const installationRow = async (teamId: string) =>
      (await t.db.select().from(installations).where(eq(installations.id, teamId)))[0];

    it('starts with no workspace, and offers an Add to Slack page asking for the manifest’s bot scopes', async () => {
      expect(await t.db.select().from(installations)).toEqual([]);
      const page = await openInstallPage(t);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Add Follow-Up Coach to Slack');
      const authorize = new URL(page.authorizeUrl);
      expect(`${authorize.origin}${authorize.pathname}`).toBe(
        new URL('../oauth/v2/authorize', t.fake.url).toString(),
      );
      expect(authorize.searchParams.get('client_id')).toBe(TEST_OAUTH_APP.clientId);
      expect(authorize.searchParams.get('scope')?.split(',')).toEqual([...BOT_SCOPES]);
      expect(authorize.searchParams.get('state')).toBe(page.stateCookie);
    });

    it('installs a workspace: a page saying so, the token sealed in the database, and commands served with it', async () => {
      const done = await installThroughBrowser(t, { teamId: ACME.teamId, userId: 'U0ANNA' });
      expect(done.status).toBe(200);
      expect(done.html).toContain('Follow-Up Coach is installed in Acme Sales');
      expect(done.html).toContain('/followup help');
      const token = t.fake.tokenOf(ACME.teamId);
      if (!token) throw new Error('the fake issued no token');
      const row = await installationRow(ACME.teamId);
      expect(row).toMatchObject({
        teamId: ACME.teamId,
        botUserId: ACME.botUserId,
        botId: ACME.botId,
        installerUserId: 'U0ANNA',
      });
      expect(JSON.stringify(row)).not.toContain(token);
      const [workspace] = await t.db.select().from(workspaces).where(eq(workspaces.id, ACME.teamId));
      expect(workspace).toMatchObject({ name: 'Acme Sales', uninstalledAt: null });

      const response = await sendSlashCommand(t.baseUrl, TEST_SIGNING_SECRET, {
        text: 'log',
        user_id: 'U0ANNA',
        team_id: ACME.teamId,
        trigger_id: t.fake.issueTriggerId(),
      });
      expect(response.status).toBe(200);
      await eventually(() =>
        expect(t.fake.callsTo('views.open').at(-1)).toMatchObject({ ok: true, teamId: ACME.teamId }),
      );
    });

    it('updates the same row when the workspace reinstalls with more scopes', async () => {
      await installThroughBrowser(t, { teamId: GLOBEX.teamId, userId: 'U0GUS' }, (url) =>
        url.searchParams.set('scope', 'commands,chat:write'),
      );
      const first = await installationRow(GLOBEX.teamId);
      expect(first?.botScopes).toEqual(['commands', 'chat:write']);
      t.setNow(new Date(NOW.getTime() + 60_000));
      const again = await installThroughBrowser(t, { teamId: GLOBEX.teamId, userId: 'U0GUS' });
      expect(again.status).toBe(200);
      const rows = await t.db.select().from(installations).where(eq(installations.id, GLOBEX.teamId));
      expect(rows).toHaveLength(1);
      expect([...(rows[0]?.botScopes ?? [])].sort()).toEqual([...BOT_SCOPES].sort());
      expect(rows[0]?.installedAt).toEqual(first?.installedAt);
      expect(rows[0]?.updatedAt.getTime()).toBeGreaterThan(first?.updatedAt.getTime() ?? Infinity);
      t.setNow(NOW);
    });

    it('refuses a forged state, and one from another browser, with a page saying nothing was installed', async () => {
      const start = await openInstallPage(t);
      const location = new URL(
        t.fake.approveInstall(start.authorizeUrl, {
          teamId: GLOBEX.teamId,
          userId: 'U0EVE',
          redirectUrl: redirectUrlOf(t),
        }),
      );
      const forgedState = `${location.searchParams.get('state')?.split('.')[0]}.${'A'.repeat(43)}`;
      location.searchParams.set('state', forgedState);
      const forged = await followRedirect(location.toString(), `slack-app-oauth-state=${forgedState}`);
      expect(forged.status).toBe(400);
      expect(forged.html).toContain('This install did not start here');
      expect(forged.html).toContain('Nothing was installed');
      expect(forged.html).toContain('href="/slack/install"');

      const elsewhere = await openInstallPage(t);
      const stolen = t.fake.approveInstall(elsewhere.authorizeUrl, {
        teamId: GLOBEX.teamId,
        userId: 'U0EVE',
        redirectUrl: redirectUrlOf(t),
      });
      const noCookie = await followRedirect(stolen, undefined);
      expect(noCookie.status).toBe(400);
      expect(noCookie.html).toContain('This install did not start here');
      expect(t.fake.callsTo('oauth.v2.access').filter((call) => call.ok)).toHaveLength(3);
    });

    it('refuses a state older than ten minutes, and says the link expired', async () => {
      const start = await openInstallPage(t);
      t.setNow(new Date(NOW.getTime() + ELEVEN_MINUTES));
      const location = t.fake.approveInstall(start.authorizeUrl, {
        teamId: GLOBEX.teamId,
        userId: 'U0GUS',
        redirectUrl: redirectUrlOf(t),
      });
      const expired = await followRedirect(location, start.cookie);
      t.setNow(NOW);
      expect(expired.status).toBe(400);
      expect(expired.html).toContain('This install link has expired');
      expect(expired.html).toContain('within 10 minutes');
    });

    it('tells the person when Slack refuses the code (used twice) or the redirect URI, and when they cancelled', async () => {
      const start = await openInstallPage(t);
      const location = t.fake.approveInstall(start.authorizeUrl, {
        teamId: GLOBEX.teamId,
        userId: 'U0GUS',
        redirectUrl: redirectUrlOf(t),
      });
      expect((await followRedirect(location, start.cookie)).status).toBe(200);
      const reused = await followRedirect(location, start.cookie);
      expect(reused.status).toBe(502);
      expect(reused.html).toContain('Slack did not confirm the install');
      expect(reused.html).toContain('invalid_code');

      const other = await openInstallPage(t);
      const withRedirect = new URL(other.authorizeUrl);
      withRedirect.searchParams.set('redirect_uri', redirectUrlOf(t));
      const mismatched = await followRedirect(
        t.fake.approveInstall(withRedirect.toString(), {
          teamId: GLOBEX.teamId,
          userId: 'U0GUS',
          redirectUrl: redirectUrlOf(t),
        }),
        other.cookie,
      );
      expect(mismatched.html).toContain('bad_redirect_uri');

      const cancelling = await openInstallPage(t);
      const cancelled = await followRedirect(
        t.fake.denyInstall(cancelling.authorizeUrl, redirectUrlOf(t)),
        cancelling.cookie,
      );
      expect(cancelled.status).toBe(200);
      expect(cancelled.html).toContain('Follow-Up Coach was not installed');
    });

    it('deletes the token on uninstall, serves that workspace nothing more, and keeps its data for a purge', async () => {
      t.fake.uninstall(ACME.teamId);
      const envelope = eventCallback(
        { type: 'app_uninstalled' },
        { team_id: ACME.teamId, bot_user_id: ACME.botUserId },
      );
      expect((await sendEvent(t.baseUrl, TEST_SIGNING_SECRET, envelope)).status).toBe(200);
      await eventually(async () => expect((await installationRow(ACME.teamId))?.sealedBotToken).toBeNull());
      const [workspace] = await t.db.select().from(workspaces).where(eq(workspaces.id, ACME.teamId));
      expect(workspace?.uninstalledAt).toEqual(NOW);

      const callsBefore = t.fake.calls.length;
      const refused = await sendSlashCommand(t.baseUrl, TEST_SIGNING_SECRET, {
        text: 'help',
        user_id: 'U0ANNA',
        team_id: ACME.teamId,
        trigger_id: t.fake.issueTriggerId(),
      });
      // Bolt finds no installation and serves nothing; the receiver answers Slack without an error page.
      expect(refused.status).toBe(200);
      expect(t.fake.calls.slice(callsBefore)).toEqual([]);
    });

    it('never writes a token or the client secret into a log line, even at debug level', () => {
      const issued = t.fake.callsTo('oauth.v2.access').length;
      expect(issued).toBeGreaterThan(0);
      const log = t.logs.join('\n');
      expect(log).toContain('oauth.v2.access');
      expect(log).not.toMatch(/xoxb-/);
      expect(log).not.toContain(TEST_OAUTH_APP.clientSecret);
    });
  });
}
