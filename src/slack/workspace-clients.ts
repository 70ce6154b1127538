import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Database } from '../db/client.js';
import { findSealedBotToken } from '../db/queries/installations.js';
import type { TokenCipher } from '../token-cipher.js';

/** The Web API client that speaks for one workspace: jobs send each message with its own workspace's token. */
export interface WorkspaceClients {
  /** Undefined when the workspace has no bot token (uninstalled or revoked). */
  forWorkspace(workspaceId: string): Promise<WebClient | undefined>;
}

/** Single-workspace mode: the one SLACK_BOT_TOKEN serves every message, exactly as before OAuth existed. */
export function singleWorkspaceClients(client: WebClient): WorkspaceClients {
  return { forWorkspace: async () => client };
}

/**
 * OAuth mode: each workspace's token is read from the database on every use, so an uninstall stops the very next
 * message; the client is kept while the token stays the same (it holds kept-alive connections).
 */
export function installedWorkspaceClients(deps: {
  db: Database;
  cipher: TokenCipher;
  clientOptions: WebClientOptions;
}): WorkspaceClients {
  const clients = new Map<string, { sealed: string; client: WebClient }>();
  return {
    forWorkspace: async (workspaceId) => {
      const stored = await findSealedBotToken(deps.db, { workspaceId });
      if (!stored) {
        clients.delete(workspaceId);
        return undefined;
      }
      const cached = clients.get(workspaceId);
      if (cached?.sealed === stored.sealedBotToken) return cached.client;
      const token = deps.cipher.open(stored.sealedBotToken, stored.installationId);
      const client = new WebClient(token, deps.clientOptions);
      clients.set(workspaceId, { sealed: stored.sealedBotToken, client });
      return client;
    },
  };
}
