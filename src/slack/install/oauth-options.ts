import type { ServerResponse } from 'node:http';
import type { AppOptions, Installation } from '@slack/bolt';
import type { Database } from '../../db/client.js';
import type { TokenCipher } from '../../token-cipher.js';
import { webClientOptions } from '../node-http-fetch.js';
import {
  failureStatus,
  INSTALL_PATH,
  type InstallFailure,
  REDIRECT_PATH,
  renderInstalledPage,
  renderInstallFailedPage,
  renderInstallPage,
} from './install-pages.js';
import {
  createInstallStateStore,
  INSTALL_STATE_LIFETIME_SECONDS,
  InstallStateError,
} from './install-state.js';
import { createInstallationStore } from './installation-store.js';

/**
 * The bot scopes the install asks for: manifest.yml's `oauth_config.scopes.bot` (a test keeps them equal).
 * im:write (conversations.open) and im:history (conversations.history) let a job that takes over a dead
 * process's claim find the DM's id and look there for the message before sending it again. files:write puts an
 * agreed call's calendar invite in the rep's DM.
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'channels:read',
  'groups:read',
  'im:write',
  'im:history',
  'users:read',
  'files:write',
] as const;

export interface OAuthInstall {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  cipher: TokenCipher;
}

/** Bolt's OAuth options: its install and redirect routes, our store, state, pages and Slack address. */
export function oauthAppOptions(
  install: OAuthInstall,
  deps: { db: Database; now: () => Date; apiUrl: string | undefined },
): Pick<AppOptions, 'clientId' | 'clientSecret' | 'scopes' | 'installationStore'> & {
  installerOptions: NonNullable<AppOptions['installerOptions']>;
} {
  return {
    clientId: install.clientId,
    clientSecret: install.clientSecret,
    scopes: [...BOT_SCOPES],
    installationStore: createInstallationStore({ db: deps.db, cipher: install.cipher, now: deps.now }),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      stateStore: createInstallStateStore(install.stateSecret, deps.now),
      stateCookieExpirationSeconds: INSTALL_STATE_LIFETIME_SECONDS,
      renderHtmlForInstallPath: renderInstallPage,
      authorizationUrl: authorizeUrlFor(deps.apiUrl),
      // oauth.v2.access and the auth.test after it go where every other Web API call goes.
      clientOptions: webClientOptions(deps.apiUrl),
      callbackOptions: {
        success: (installation, _options, _request, response) => answerInstalled(installation, response),
        failure: (error, _options, _request, response) => answerFailed(describeFailure(error), response),
      },
    },
  };
}

/** Slack's consent page sits beside its Web API: https://slack.com/api/ -> https://slack.com/oauth/v2/authorize. */
export function authorizeUrlFor(apiUrl: string | undefined): string {
  return new URL('../oauth/v2/authorize', apiUrl ?? 'https://slack.com/api/').toString();
}

function answerInstalled(installation: Installation, response: ServerResponse): void {
  const teamId = installation.team?.id ?? installation.enterprise?.id ?? '';
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(
    renderInstalledPage({
      teamId,
      ...(installation.team?.name ? { teamName: installation.team.name } : {}),
      ...(installation.appId ? { appId: installation.appId } : {}),
    }),
  );
}

function answerFailed(failure: InstallFailure, response: ServerResponse): void {
  response.writeHead(failureStatus(failure), { 'content-type': 'text/html; charset=utf-8' });
  response.end(renderInstallFailedPage(failure));
}

/** @slack/oauth's error codes (errors.d.ts) and the Web API's platform error, as a person would want them told. */
function describeFailure(error: Error & { code?: string; data?: { error?: string } }): InstallFailure {
  if (error instanceof InstallStateError) {
    return {
      problem: error.reason === 'expired' ? 'expired' : 'wrong_browser',
      code: `state_${error.reason}`,
    };
  }
  switch (error.code) {
    // Raised only when Slack redirects back with error=access_denied: the person clicked Cancel.
    case 'slack_oauth_installer_authorization_error':
      return { problem: 'cancelled', code: 'access_denied' };
    case 'slack_oauth_invalid_state':
    case 'slack_oauth_missing_state':
    case 'slack_oauth_missing_code':
      return { problem: 'wrong_browser', code: error.code };
    case 'slack_webapi_platform_error':
      return { problem: 'slack_refused', code: error.data?.error ?? error.code };
    default:
      return { problem: 'unexpected', code: error.code ?? 'unknown' };
  }
}
