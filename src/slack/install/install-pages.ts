import { INSTALL_STATE_LIFETIME_SECONDS } from './install-state.js';

/**
 * The pages a person sees in the browser while adding the app to a workspace. Plain HTML with no scripts or
 * outside assets: they must read well wherever the browser is, and say what to do next.
 */

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

const LINK_MINUTES = INSTALL_STATE_LIFETIME_SECONDS / 60;

export type InstallProblem = 'cancelled' | 'expired' | 'wrong_browser' | 'slack_refused' | 'unexpected';

export interface InstallFailure {
  problem: InstallProblem;
  /** The code behind it, shown small for whoever runs the app. */
  code: string;
}

const FAILURES: Record<InstallProblem, { status: number; title: string; explanation: string }> = {
  cancelled: {
    status: 200,
    title: 'Follow-Up Coach was not installed',
    explanation:
      'You chose not to allow it on Slack’s permission page, so nothing was changed in your workspace.',
  },
  expired: {
    status: 400,
    title: 'This install link has expired',
    explanation: `An install has to be finished within ${LINK_MINUTES} minutes of clicking “Add to Slack”. Nothing was installed.`,
  },
  wrong_browser: {
    status: 400,
    title: 'This install did not start here',
    explanation:
      'The link you followed was not started from this browser by this app, so it was refused to keep your ' +
      'workspace safe. Nothing was installed.',
  },
  slack_refused: {
    status: 502,
    title: 'Slack did not confirm the install',
    explanation:
      'Slack refused to hand over the app’s access for your workspace (the sign-in code was used already, had ' +
      'expired, or the app’s settings do not match). Nothing was installed.',
  },
  unexpected: {
    status: 500,
    title: 'Something went wrong on our side',
    explanation: 'The install could not be saved. Nothing was installed; please try again in a minute.',
  },
};

export function failureStatus(failure: InstallFailure): number {
  return FAILURES[failure.problem].status;
}

/** The start page: what the app will be allowed to do, and the button that takes the person to Slack. */
export function renderInstallPage(authorizeUrl: string): string {
  return page(
    'Add Follow-Up Coach to Slack',
    `<p>Follow-Up Coach helps your sales reps plan every follow-up as a scheduled call that gives the prospect a
    reason to talk, and sends each rep a morning list of the calls due.</p>
    <p>Slack will ask you to allow it to add the <code>/followup</code> command, send direct messages, read
    people’s names and time zones, and post the manager digest in the channel a manager picks.</p>
    <p><a class="button" href="${escapeHtml(authorizeUrl)}">Add to Slack</a></p>
    <p class="small">You need to be allowed to install apps in your workspace. The link works for ${LINK_MINUTES} minutes.</p>`,
  );
}

export function renderInstalledPage(installed: {
  teamId: string;
  teamName?: string;
  appId?: string;
}): string {
  const workspace = installed.teamName ? escapeHtml(installed.teamName) : 'your workspace';
  const slackUrl = installed.appId
    ? `slack://app?team=${encodeURIComponent(installed.teamId)}&id=${encodeURIComponent(installed.appId)}`
    : `slack://open?team=${encodeURIComponent(installed.teamId)}`;
  const webUrl = `https://app.slack.com/client/${encodeURIComponent(installed.teamId)}`;
  return page(
    `Follow-Up Coach is installed in ${workspace}`,
    `<p>Everyone in ${workspace} can use it now. In Slack, type <code>/followup help</code> to see what it does, or
    <code>/followup log</code> after your next prospect call.</p>
    <p><a class="button" href="${escapeHtml(slackUrl)}">Open Slack</a></p>
    <p class="small">Using Slack in a browser? <a href="${escapeHtml(webUrl)}">Open it here</a>.</p>`,
  );
}

export function renderInstallFailedPage(failure: InstallFailure): string {
  const { title, explanation } = FAILURES[failure.problem];
  return page(
    title,
    `<p>${explanation}</p>
    <p><a class="button" href="${INSTALL_PATH}">Start the install again</a></p>
    <p class="small">If it keeps failing, tell whoever runs Follow-Up Coach for you, with this code:
    <code>${escapeHtml(failure.code)}</code></p>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1d1c1d; }
  h1 { font-size: 1.5rem; }
  .button { display: inline-block; background: #1d4e89; color: #fff; padding: .6rem 1.2rem; border-radius: .3rem; text-decoration: none; font-weight: 600; }
  .small { font-size: .85rem; color: #616061; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
