import type { FakeSlack } from './fake-slack.js';

/** The app's address and the fake Slack it talks to. */
export interface InstallTarget {
  baseUrl: string;
  fake: FakeSlack;
}

/** What a browser gets from a page of the app: status, HTML, and the state cookie Bolt sets or clears. */
export interface BrowserPage {
  status: number;
  html: string;
  stateCookie: string | undefined;
}

const STATE_COOKIE = 'slack-app-oauth-state';

async function browse(url: string, cookie?: string): Promise<BrowserPage> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie') ?? '';
  const stateCookie = setCookie.match(new RegExp(`${STATE_COOKIE}=([^;]+)`))?.[1];
  return { status: response.status, html: await response.text(), stateCookie };
}

/** The install page, and the "Add to Slack" link on it as a person's browser would follow it. */
export async function openInstallPage(
  t: InstallTarget,
): Promise<BrowserPage & { authorizeUrl: string; cookie: string }> {
  const page = await browse(`${t.baseUrl}/slack/install`);
  const href = page.html.match(/<a class="button" href="([^"]+)"/)?.[1];
  if (!href || !page.stateCookie)
    throw new Error(`no Add to Slack link or state cookie on the install page:\n${page.html}`);
  const authorizeUrl = href.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
  return { ...page, authorizeUrl, cookie: `${STATE_COOKIE}=${page.stateCookie}` };
}

export function redirectUrlOf(t: InstallTarget): string {
  return `${t.baseUrl}/slack/oauth_redirect`;
}

/** Follows Slack's redirect back to the app in the same browser (the state cookie along). */
export function followRedirect(location: string, cookie: string | undefined): Promise<BrowserPage> {
  return browse(location, cookie);
}

/**
 * The whole install as a person does it: open /slack/install, click Add to Slack, allow on Slack's page, land on
 * the app's redirect URL. `editAuthorizeUrl` changes the link first (an older page asking fewer scopes).
 */
export async function installThroughBrowser(
  t: InstallTarget,
  approval: { teamId: string; userId: string },
  editAuthorizeUrl: (url: URL) => void = () => {},
): Promise<BrowserPage> {
  const start = await openInstallPage(t);
  const authorizeUrl = new URL(start.authorizeUrl);
  editAuthorizeUrl(authorizeUrl);
  const location = t.fake.approveInstall(authorizeUrl.toString(), {
    ...approval,
    redirectUrl: redirectUrlOf(t),
  });
  return followRedirect(location, start.cookie);
}
