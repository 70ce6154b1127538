import type { types } from '@slack/bolt';
import type { SlackMessage } from './confirmation.js';
import { formatDay, formatLocalTime } from './local-time.js';
import { moreCallsLine, type NextStepItem, nextStepActions, nextStepText } from './next-step-item.js';
import { context, escapeMrkdwn, mrkdwnSection } from './text.js';
import type { CallModel, DueListModel, Page } from './view-models.js';

/** Two blocks per call and two lists in a 50-block message: nine calls per list leave room for headings. */
export const DUE_LIST_ITEMS_PER_SECTION = 9;

export function itemOf(row: CallModel, zone: string): NextStepItem {
  return {
    id: row.step.id,
    contactName: row.prospect.contactName,
    company: row.prospect.company,
    dueLabel: formatLocalTime(row.step.dueAt, zone),
    plan: row.step.plan,
    valueReason: row.step.valueReason,
    agreed: row.step.agreed,
  };
}

/**
 * The answer to `/followup due`: overdue first, then today, each with its buttons. A manager's team list
 * (`/followup due team`) names the rep on each call.
 */
export function renderDueListMessage(due: DueListModel, options: { team?: boolean } = {}): SlackMessage {
  const team = options.team ?? false;
  const count = due.overdue.total + due.today.total;
  if (count === 0) {
    const day = formatDay(due.day);
    const text = team
      ? `Your team has no calls due today (${day}) and nothing overdue.`
      : `No calls due today (${day}) and nothing overdue. Log a call with /followup log <prospect>.`;
    return { text, blocks: [mrkdwnSection(`:sunny: ${escapeMrkdwn(text)}`)] };
  }
  const whose = team ? 'Your team: ' : '';
  const blocks: types.KnownBlock[] = [
    ...section(`:rotating_light: *${whose}Overdue* (${due.overdue.total})`, due.overdue, due.timeZone, team),
    ...section(
      `:calendar: *${whose}Due today, ${formatDay(due.day)}* (${due.today.total})`,
      due.today,
      due.timeZone,
      team,
    ),
  ];
  const text = `${whose}${due.today.total} call(s) due today, ${due.overdue.total} overdue.`;
  return { text, blocks };
}

function section(title: string, page: Page<CallModel>, zone: string, team: boolean): types.KnownBlock[] {
  if (page.total === 0) return [];
  const shown = page.rows.slice(0, DUE_LIST_ITEMS_PER_SECTION);
  const blocks: types.KnownBlock[] = [mrkdwnSection(title)];
  for (const row of shown) {
    const text = nextStepText(itemOf(row, zone));
    blocks.push(
      mrkdwnSection(team ? `<@${row.owner.slackUserId}>: ${text}` : text),
      nextStepActions(row.step.id, 'all'),
    );
  }
  if (page.total > shown.length) blocks.push(context(moreCallsLine(page.total - shown.length)));
  return blocks;
}
