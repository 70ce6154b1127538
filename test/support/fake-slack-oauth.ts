import { randomBytes } from 'node:crypto';

/**
 * Slack's side of the OAuth v2 install (https://docs.slack.dev/authentication/installing-with-oauth): the consent
 * page at /oauth/v2/authorize hands the browser back to the app's redirect URL with a temporary `code` and the
 * app's `state`, and oauth.v2.access (https://docs.slack.dev/reference/methods/oauth.v2.access) exchanges the code
 * for the workspace's bot token. The fake's Web API then accepts exactly the tokens issued here.
 */

export interface FakeOAuthApp {
  clientId: string;
  clientSecret: string;
  appId: string;
}

export interface InstallableWorkspace {
  teamId: string;
  name?: string;
  botUserId: string;
  botId: string;
}

export interface Approval {
  teamId: string;
  /** Who clicked "Allow": the installer Slack names in `authed_user`. */
  userId: string;
  /** The app's redirect URL as configured in its settings (the manifest's `oauth_config.redirect_urls`). */
  redirectUrl: string;
}

/** oauth.v2.access's answer: the method's documented response fields, or `{ ok: false, error }`. */
export type ExchangeAnswer = Record<string, unknown> & { ok: boolean };

/** "The code param ... expires after ten minutes" (Installing with OAuth, step 3), and is used once. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

interface IssuedCode {
  teamId: string;
  userId: string;
  scopes: string[];
  /** The redirect_uri the authorize URL carried, if it carried one. */
  redirectUri: string | undefined;
  issuedAt: number;
  used: boolean;
}

interface Install {
  token: string;
  scopes: Set<string>;
  revoked: boolean;
}

export function createFakeOAuth(app: FakeOAuthApp, workspaces: InstallableWorkspace[], clock: () => number) {
  const codes = new Map<string, IssuedCode>();
  const installs = new Map<string, Install>();
  const workspaceOf = (teamId: string) => workspaces.find((workspace) => workspace.teamId === teamId);

  function consent(authorizeUrl: string, redirectUrl: string): URL {
    const url = new URL(authorizeUrl);
    if (url.pathname !== '/oauth/v2/authorize') {
      // oauth.v2.access: oauth_authorization_url_mismatch, "the flow must be initiated via /oauth/v2/authorize".
      throw new Error(`fake Slack: the install must start at /oauth/v2/authorize, not ${url.pathname}`);
    }
    if (url.searchParams.get('client_id') !== app.clientId) {
      throw new Error('fake Slack: the authorize URL names another app (client_id)');
    }
    const back = new URL(redirectUrl);
    const state = url.searchParams.get('state');
    if (state !== null) back.searchParams.set('state', state);
    return back;
  }

  return {
    /** A person allows the install on Slack's consent page: the URL the browser is sent back to. */
    approve(authorizeUrl: string, approval: Approval): string {
      const url = new URL(authorizeUrl);
      if (!workspaceOf(approval.teamId)) throw new Error(`fake Slack: no workspace ${approval.teamId}`);
      const back = consent(authorizeUrl, url.searchParams.get('redirect_uri') ?? approval.redirectUrl);
      const code = `${approval.teamId}.${clock()}.${randomBytes(8).toString('hex')}`;
      codes.set(code, {
        teamId: approval.teamId,
        userId: approval.userId,
        scopes: (url.searchParams.get('scope') ?? '').split(',').filter(Boolean),
        redirectUri: url.searchParams.get('redirect_uri') ?? undefined,
        issuedAt: clock(),
        used: false,
      });
      back.searchParams.set('code', code);
      return back.toString();
    },

    /** The person clicks Cancel: Slack redirects with `error=access_denied` and the state, and no code. */
    deny(authorizeUrl: string, redirectUrl: string): string {
      const back = consent(authorizeUrl, redirectUrl);
      back.searchParams.set('error', 'access_denied');
      return back.toString();
    },

    /** oauth.v2.access with the arguments the WebClient form-encodes; errors as the method's page lists them. */
    exchange(args: Record<string, unknown>): ExchangeAnswer {
      if (args.client_id !== app.clientId) return { ok: false, error: 'invalid_client_id' };
      if (args.client_secret !== app.clientSecret) return { ok: false, error: 'bad_client_secret' };
      const code = typeof args.code === 'string' ? codes.get(args.code) : undefined;
      if (!code || code.used || clock() - code.issuedAt > CODE_LIFETIME_MS) {
        return { ok: false, error: 'invalid_code' };
      }
      // "This must match the originally submitted URI (if one was sent)."
      const redirectUri = typeof args.redirect_uri === 'string' ? args.redirect_uri : undefined;
      if (code.redirectUri !== redirectUri) return { ok: false, error: 'bad_redirect_uri' };
      code.used = true;
      const workspace = workspaceOf(code.teamId) as InstallableWorkspace;
      const install = grant(code);
      return {
        ok: true,
        access_token: install.token,
        token_type: 'bot',
        scope: [...install.scopes].join(','),
        bot_user_id: workspace.botUserId,
        app_id: app.appId,
        team: { id: workspace.teamId, name: workspace.name ?? workspace.teamId },
        enterprise: null,
        authed_user: { id: code.userId },
        is_enterprise_install: false,
      };
    },

    /** The workspace a token speaks for; 'revoked' once the app was uninstalled from it. */
    workspaceOfToken(token: string): InstallableWorkspace | 'revoked' | undefined {
      for (const [teamId, install] of installs) {
        if (install.token === token) return install.revoked ? 'revoked' : workspaceOf(teamId);
      }
      return undefined;
    },

    /** Removing the app revokes its token at once; Slack then sends app_uninstalled (the test sends it). */
    uninstall(teamId: string): void {
      const install = installs.get(teamId);
      if (install) install.revoked = true;
    },

    tokenOf(teamId: string): string | undefined {
      const install = installs.get(teamId);
      return install && !install.revoked ? install.token : undefined;
    },
  };

  /**
   * A reinstall that adds scopes usually keeps the token string and attaches the new scopes to it (a Slack
   * maintainer in bolt-python#969: "In most cases, the token string remains the same"); after an uninstall the
   * old token is dead and a new one is issued.
   */
  function grant(code: IssuedCode): Install {
    const existing = installs.get(code.teamId);
    if (existing && !existing.revoked) {
      for (const scope of code.scopes) existing.scopes.add(scope);
      return existing;
    }
    const install = {
      token: `xoxb-${code.teamId}-${randomBytes(12).toString('hex')}`,
      scopes: new Set(code.scopes),
      revoked: false,
    };
    installs.set(code.teamId, install);
    return install;
  }
}

export type FakeOAuth = ReturnType<typeof createFakeOAuth>;
