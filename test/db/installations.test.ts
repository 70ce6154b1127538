import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import {
  listWorkspaces,
  markWorkspaceInstalled,
  markWorkspacesWithoutTokenUninstalled,
  purgeWorkspace,
} from '../../src/db/queries/workspaces.js';
import { installations, people, prospects, workspaces } from '../../src/db/schema.js';
import { createInstallationStore } from '../../src/slack/install/installation-store.js';
import { createTokenCipher } from '../../src/token-cipher.js';
import { resealBotTokens } from '../../src/usecases/reseal-bot-tokens.js';
import { uninstallWorkspace } from '../../src/usecases/uninstall-workspace.js';
import { describeOnEachEngine } from '../support/database.js';

const OLD_KEY = randomBytes(32);
const NEW_KEY = randomBytes(32);
const NOW = new Date('2026-05-04T09:00:00Z');
const LATER = new Date('2026-05-20T09:00:00Z');

function installationOf(teamId: string, token: string, scopes: string[]): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { token, scopes, id: `B${teamId}`, userId: `U${teamId}BOT` },
    appId: 'A0FOLLOWUP',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });

/** Every value of every installation row, as text: where a clear token would show if one were stored. */
async function storedText(db: Database): Promise<string> {
  return JSON.stringify(await db.select().from(installations));
}

describeOnEachEngine('the installation store', ({ db }) => {
  it('keeps each workspace’s bot token sealed, and gives it back only for that workspace', async () => {
    const store = createInstallationStore({
      db: db(),
      cipher: createTokenCipher({ current: OLD_KEY, previous: undefined }),
      now: () => NOW,
    });
    await store.storeInstallation(installationOf('T0SEAL1', 'xoxb-seal-one-secret', ['commands']));
    await store.storeInstallation(installationOf('T0SEAL2', 'xoxb-seal-two-secret', ['commands']));
    expect(await storedText(db())).not.toMatch(/xoxb-/);
    expect((await store.fetchInstallation(query('T0SEAL1'))).bot?.token).toBe('xoxb-seal-one-secret');
    expect((await store.fetchInstallation(query('T0SEAL2'))).bot?.token).toBe('xoxb-seal-two-secret');
    // A sealed token copied onto another workspace's row does not open there.
    const [one] = await db().select().from(installations).where(sql`${installations.id} = 'T0SEAL1'`);
    await db()
      .update(installations)
      .set({ sealedBotToken: one?.sealedBotToken ?? null })
      .where(sql`${installations.id} = 'T0SEAL2'`);
    await expect(store.fetchInstallation(query('T0SEAL2'))).rejects.toThrow();
    await expect(store.fetchInstallation(query('T0NEVER'))).rejects.toThrow(/no installation for T0NEVER/);
  });

  it('updates the row on a reinstall with more scopes, keeping the first install time', async () => {
    let now = NOW;
    const store = createInstallationStore({
      db: db(),
      cipher: createTokenCipher({ current: OLD_KEY, previous: undefined }),
      now: () => now,
    });
    await store.storeInstallation(installationOf('T0MORE', 'xoxb-more-1', ['commands', 'chat:write']));
    now = LATER;
    await store.storeInstallation(
      installationOf('T0MORE', 'xoxb-more-2', ['commands', 'chat:write', 'users:read']),
    );
    const rows = await db().select().from(installations).where(sql`${installations.id} = 'T0MORE'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      installedAt: NOW,
      updatedAt: LATER,
      botScopes: ['commands', 'chat:write', 'users:read'],
    });
    const fetched = await store.fetchInstallation(query('T0MORE'));
    expect(fetched.bot).toMatchObject({ token: 'xoxb-more-2', userId: 'UT0MOREBOT', id: 'BT0MORE' });
    const [workspace] = await db().select().from(workspaces).where(sql`${workspaces.id} = 'T0MORE'`);
    expect(workspace).toMatchObject({ name: 'Team T0MORE', botUserId: 'UT0MOREBOT', uninstalledAt: null });
  });

  it('rotates keys: the previous key still opens old tokens, new ones are sealed with the current key, one reseal frees the old key', async () => {
    const before = createInstallationStore({
      db: db(),
      cipher: createTokenCipher({ current: OLD_KEY, previous: undefined }),
      now: () => NOW,
    });
    await before.storeInstallation(installationOf('T0ROTATE', 'xoxb-rotate-me', ['commands']));
    const rotating = createTokenCipher({ current: NEW_KEY, previous: OLD_KEY });
    const during = createInstallationStore({ db: db(), cipher: rotating, now: () => NOW });
    expect((await during.fetchInstallation(query('T0ROTATE'))).bot?.token).toBe('xoxb-rotate-me');
    await during.storeInstallation(installationOf('T0ROTNEW', 'xoxb-rotate-new', ['commands']));

    const newKeyOnly = createInstallationStore({
      db: db(),
      cipher: createTokenCipher({ current: NEW_KEY, previous: undefined }),
      now: () => NOW,
    });
    await expect(newKeyOnly.fetchInstallation(query('T0ROTATE'))).rejects.toThrow(
      /TOKEN_ENCRYPTION_KEY_PREVIOUS/,
    );
    expect((await newKeyOnly.fetchInstallation(query('T0ROTNEW'))).bot?.token).toBe('xoxb-rotate-new');

    // The first test's tampered row is named, not fatal.
    expect(await resealBotTokens(db(), rotating)).toMatchObject({ resealed: 3, unreadable: ['T0SEAL2'] });
    expect(await resealBotTokens(db(), rotating)).toMatchObject({ resealed: 0 });
    expect((await newKeyOnly.fetchInstallation(query('T0ROTATE'))).bot?.token).toBe('xoxb-rotate-me');
  });

  it('forgets the token on uninstall but keeps the sales data until an operator purges the workspace', async () => {
    const store = createInstallationStore({
      db: db(),
      cipher: createTokenCipher({ current: OLD_KEY, previous: undefined }),
      now: () => NOW,
    });
    await store.storeInstallation(installationOf('T0GONE', 'xoxb-gone', ['commands']));
    const [rep] = await db()
      .insert(people)
      .values({ workspaceId: 'T0GONE', slackUserId: 'U0GONEREP' })
      .returning();
    await db()
      .insert(prospects)
      .values({ workspaceId: 'T0GONE', ownerId: rep?.id ?? 0, contactName: 'Dana', nameKey: 'dana|' });
    expect(await purgeWorkspace(db(), { workspaceId: 'T0GONE' })).toBe('still_installed');

    await uninstallWorkspace(db(), { workspaceId: 'T0GONE', at: LATER });
    await expect(store.fetchInstallation(query('T0GONE'))).rejects.toThrow();
    const [row] = await db().select().from(installations).where(sql`${installations.id} = 'T0GONE'`);
    expect(row).toMatchObject({ sealedBotToken: null, uninstalledAt: LATER, installerUserId: 'U0INSTALLER' });
    const summary = (await listWorkspaces(db())).find((workspace) => workspace.id === 'T0GONE');
    expect(summary).toMatchObject({ uninstalledAt: LATER, people: 1, prospects: 1 });

    expect(await purgeWorkspace(db(), { workspaceId: 'T0GONE' })).toBe('purged');
    expect((await listWorkspaces(db())).some((workspace) => workspace.id === 'T0GONE')).toBe(false);
    expect(await db().select().from(installations).where(sql`${installations.id} = 'T0GONE'`)).toEqual([]);
    expect(await purgeWorkspace(db(), { workspaceId: 'T0GONE' })).toBe('unknown');
  });

  it('treats a workspace with no stored token as not installed once OAuth is on', async () => {
    await markWorkspaceInstalled(db(), { workspaceId: 'T0OLDSINGLE' });
    const marked = await markWorkspacesWithoutTokenUninstalled(db(), { at: LATER });
    expect(marked).toContain('T0OLDSINGLE');
    expect(marked).not.toContain('T0MORE');
    const summary = (await listWorkspaces(db())).find((workspace) => workspace.id === 'T0OLDSINGLE');
    expect(summary?.uninstalledAt).toEqual(LATER);
  });
});
