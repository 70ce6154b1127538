import type { types } from '@slack/bolt';
import type { StalledDeal } from '../../domain/digest/team-digest.js';
import { describeStallReason } from '../../domain/stalls/stall-rules.js';
import { ACTIONS } from '../ids.js';
import { itemOf } from './due-list.js';
import { formatDay, formatLocalDate, formatLocalTime, zoneNameOnDay } from './local-time.js';
import { moreCallsLine, nextStepActions, nextStepText, prospectLabel } from './next-step-item.js';
import { context, escapeMrkdwn, header, mrkdwnSection, plain } from './text.js';
import type { HomeTabModel, Page } from './view-models.js';

/**
 * The Home tab holds 100 blocks. Calls take two blocks (text + buttons), prospects one (text + button), so these
 * caps keep the worst case at 4 + 2 * (3 + 2 * 12) + 2 * (3 + 12) = 88 blocks; the rest is summarised.
 */
export const HOME_LIMITS = { calls: 12, prospects: 12 } as const;

export function renderHomeView(model: HomeTabModel): types.HomeView {
  const blocks: types.KnownBlock[] = [
    header('Your follow-ups'),
    context(
      `Today is ${formatDay(model.day)} (${zoneNameOnDay(model.timeZone, model.day)}). Log a call: \`/followup log ${escapeMrkdwn('<prospect>')}\`.`,
    ),
    {
      type: 'actions',
      elements: [
        { type: 'button', text: plain('Log a call', 75), action_id: ACTIONS.logNewCall, value: 'new' },
      ],
    },
    { type: 'divider' },
  ];
  blocks.push(...callSection(':calendar: *Due today*', model.today, model, 'Nothing due today.'));
  blocks.push(...callSection(':rotating_light: *Overdue*', model.overdue, model, 'Nothing overdue. Nice.'));
  blocks.push(
    ...prospectSection(
      ':hourglass: *Stalled deals*',
      model.stalled,
      ({ deal, reasons }) => ({
        prospectId: deal.prospectId,
        contactName: deal.contactName,
        company: deal.company,
        hotButton: null,
        detail: `${nextCallOf(deal, model.timeZone)} · ${reasons.map(describeStallReason).join(', ')}`,
      }),
      'Nothing has stalled.',
    ),
  );
  blocks.push(
    ...prospectSection(
      ':leftwards_arrow_with_hook: *To revisit*',
      model.revisit,
      (prospect) => ({
        prospectId: prospect.id,
        contactName: prospect.contactName,
        company: prospect.company,
        hotButton: prospect.hotButton,
        detail: `revisit ${prospect.revisitAt ? formatLocalDate(prospect.revisitAt, model.timeZone) : ''}`,
      }),
      'Nobody to revisit in the next month.',
    ),
  );
  return { type: 'home', blocks };
}

function nextCallOf(deal: StalledDeal['deal'], zone: string): string {
  return deal.nextStep ? `next call ${formatLocalTime(deal.nextStep.dueAt, zone)}` : 'no next call planned';
}

function callSection(
  title: string,
  page: HomeTabModel['today'],
  model: HomeTabModel,
  empty: string,
): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [mrkdwnSection(`${title} (${page.total})`)];
  if (page.total === 0) blocks.push(context(empty));
  const shown = page.rows.slice(0, HOME_LIMITS.calls);
  for (const row of shown) {
    blocks.push(mrkdwnSection(nextStepText(itemOf(row, model.timeZone), 400)));
    blocks.push(nextStepActions(row.step.id, 'basic'));
  }
  if (page.total > shown.length) {
    blocks.push(context(moreCallsLine(page.total - shown.length)));
  }
  blocks.push({ type: 'divider' });
  return blocks;
}

interface ProspectLine {
  prospectId: number;
  contactName: string;
  company: string;
  hotButton: string | null;
  detail: string;
}

function prospectSection<Row>(
  title: string,
  page: Page<Row>,
  lineOf: (row: Row) => ProspectLine,
  empty: string,
): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [mrkdwnSection(`${title} (${page.total})`)];
  if (page.total === 0) blocks.push(context(empty));
  const shown = page.rows.slice(0, HOME_LIMITS.prospects).map(lineOf);
  for (const prospect of shown) {
    const hot = prospect.hotButton ? ` · hot button: ${escapeMrkdwn(prospect.hotButton.slice(0, 200))}` : '';
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(prospectLabel(prospect.contactName, prospect.company).slice(0, 400))}* · ${escapeMrkdwn(prospect.detail.slice(0, 600))}${hot}`,
      },
      accessory: {
        type: 'button',
        text: plain('Log call', 75),
        action_id: ACTIONS.logNewCall,
        value: String(prospect.prospectId),
      },
    });
  }
  if (page.total > shown.length) blocks.push(context(`…and ${page.total - shown.length} more.`));
  blocks.push({ type: 'divider' });
  return blocks;
}
