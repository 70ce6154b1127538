import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { markWorkspaceInstalled } from '../../src/db/queries/workspaces.js';
import { workspaces } from '../../src/db/schema.js';
import { TEST_ENGINES } from '../support/database.js';
import { TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';

const NOW = new Date('2026-04-01T12:00:00Z');

for (const engine of TEST_ENGINES) {
  describe(`removing the app from a workspace [${engine}]`, () => {
    const t = useSlackTestApp({ engine, now: NOW });
    beforeAll(async () => {
      await markWorkspaceInstalled(t.db, { workspaceId: TEST_TEAM });
    });

    const uninstalledAt = async () =>
      (await t.db.select().from(workspaces).where(eq(workspaces.id, TEST_TEAM)))[0]?.uninstalledAt ?? null;

    it('ignores a revoked user token but stops the jobs when the bot token is revoked', async () => {
      await t.sendEvent({ type: 'tokens_revoked', tokens: { oauth: ['U0SOMEONE'], bot: [] } });
      expect(await uninstalledAt()).toBeNull();
      await t.sendEvent({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['U0FAKEBOT'] } });
      await expect.poll(uninstalledAt).toEqual(NOW);
    });

    it('records an uninstall, and a restart with a working token marks the workspace installed again', async () => {
      await markWorkspaceInstalled(t.db, { workspaceId: TEST_TEAM });
      const response = await t.sendEvent({ type: 'app_uninstalled' });
      expect(response.status).toBe(200);
      await expect.poll(uninstalledAt).toEqual(NOW);
      await markWorkspaceInstalled(t.db, { workspaceId: TEST_TEAM });
      expect(await uninstalledAt()).toBeNull();
    });
  });
}
