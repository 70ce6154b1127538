import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Database } from '../../db/client.js';
import { findActiveInstallation, saveInstallation } from '../../db/queries/installations.js';
import { markWorkspaceInstalled } from '../../db/queries/workspaces.js';
import type { TokenCipher } from '../../token-cipher.js';

/**
 * Bolt's installation store on our database. Bolt calls storeInstallation after a successful OAuth exchange and
 * fetchInstallation before every request it serves (its `authorize`), so each listener gets the client of the
 * workspace the request came from. Bolt never deletes on its own: app_uninstalled and tokens_revoked do.
 */
export function createInstallationStore(deps: {
  db: Database;
  cipher: TokenCipher;
  now: () => Date;
}): InstallationStore {
  return {
    storeInstallation: async (installation) => {
      const id = installationId(installation);
      const bot = installation.bot;
      // Our manifest asks for bot scopes only, so Slack always returns a bot token; without one nothing would work.
      if (!bot) throw new Error(`Slack returned no bot token for ${id}`);
      const at = deps.now();
      const teamId = installation.isEnterpriseInstall ? null : (installation.team?.id ?? null);
      const enterpriseId = installation.enterprise?.id ?? null;
      await deps.db.transaction(async (tx) => {
        if (teamId) {
          await markWorkspaceInstalled(tx, {
            workspaceId: teamId,
            name: installation.team?.name ?? null,
            enterpriseId,
            botUserId: bot.userId,
          });
        }
        await saveInstallation(tx, {
          at,
          values: {
            id,
            teamId,
            enterpriseId,
            isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
            appId: installation.appId ?? null,
            botId: bot.id,
            botUserId: bot.userId,
            botScopes: bot.scopes,
            sealedBotToken: deps.cipher.seal(bot.token, id),
            installerUserId: installation.user.id,
          },
        });
      });
    },
    fetchInstallation: async (query) => {
      const id = queriedId(query);
      const row = id ? await findActiveInstallation(deps.db, { id }) : undefined;
      // Bolt turns this into a 401 for the request: Slack sent it for a workspace that has not installed the app.
      if (!row?.sealedBotToken) throw new Error(`no installation for ${id ?? 'an unnamed workspace'}`);
      return {
        team: row.teamId ? { id: row.teamId } : undefined,
        enterprise: row.enterpriseId ? { id: row.enterpriseId } : undefined,
        user: { id: row.installerUserId ?? '', token: undefined, scopes: undefined },
        bot: {
          token: deps.cipher.open(row.sealedBotToken, row.id),
          scopes: row.botScopes,
          id: row.botId ?? '',
          userId: row.botUserId ?? '',
        },
        ...(row.appId ? { appId: row.appId } : {}),
        tokenType: 'bot',
        isEnterpriseInstall: row.isEnterpriseInstall,
        authVersion: 'v2',
      } as Installation;
    },
  };
}

/** Bolt's key: an org-wide install serves every workspace of its enterprise; any other serves one team. */
function installationId(installation: Installation): string {
  const id = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
  if (!id) throw new Error('Slack returned an installation without a team or enterprise id');
  return id;
}

function queriedId(query: InstallationQuery<boolean>): string | undefined {
  return query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
}
