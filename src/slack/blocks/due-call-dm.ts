import type { types } from '@slack/bolt';
import { callFactsBlock, callTextBlock } from './call-item.js';
import type { SlackMessage } from './confirmation.js';
import { itemOf } from './due-list.js';
import { formatDay, formatLocalClock, zoneNameOnDay } from './local-time.js';
import { nextStepActions } from './next-step-item.js';
import { context, header, mrkdwnSection } from './text.js';
import type { CallModel, DueCallDmModel, Page } from './view-models.js';

/** Said once above the overdue calls rather than on each of them. */
const OVERDUE_ADVICE = 'bring a real reason or agree a new time.';

export const calls = (count: number) => `${count} call${count === 1 ? '' : 's'}`;

/**
 * One DM a day: overdue calls, then today's, each as one compact item (who and when, the reason and plan, at most
 * two facts, the buttons). Three blocks a call; lists longer than fit in 50 blocks end with "and N more".
 * Sent after the rep's noon it says it is a catch-up, not a good morning.
 */
export function renderDueCallDm(dm: DueCallDmModel): SlackMessage {
  const { due } = dm;
  // The zone is named once, in the header; a call shows its own only when it differs (across a clock change).
  const day = `${formatDay(due.day)} (${zoneNameOnDay(due.timeZone, due.day)})`;
  const blocks: types.KnownBlock[] = [
    header(dm.afternoon ? `Catching up: your calls for ${day}` : `Your calls for ${day}`),
  ];
  if (dm.afternoon) blocks.push(context('The list you would have had this morning, sent now.'));
  blocks.push(
    ...section(
      `:rotating_light: *Overdue (${due.overdue.total})*: ${OVERDUE_ADVICE}`,
      due.overdue,
      dm,
      'day',
    ),
  );
  // Today's calls are on the day the header names: their time of day is enough.
  blocks.push(...section(`:calendar: *Today (${due.today.total})*`, due.today, dm, 'time'));
  const counts = `${calls(due.today.total)} due today, ${due.overdue.total} overdue.`;
  const text = dm.afternoon ? `Catching up on today: ${counts}` : `Good morning: ${counts}`;
  return { text, blocks };
}

function section(
  title: string,
  page: Page<CallModel>,
  dm: DueCallDmModel,
  when: 'day' | 'time',
): types.KnownBlock[] {
  if (page.total === 0) return [];
  const blocks: types.KnownBlock[] = [mrkdwnSection(title)];
  for (const row of page.rows) {
    const brief = dm.briefs.get(row.step.id);
    const { timeZone } = dm.due;
    const item = itemOf(row, timeZone);
    const label = when === 'time' ? formatLocalClock(row.step.dueAt, timeZone) : item.dueLabel;
    const zoneName = ` ${zoneNameOnDay(timeZone, dm.due.day)}`;
    item.dueLabel = label.endsWith(zoneName) ? label.slice(0, -zoneName.length) : label;
    blocks.push(callTextBlock(item, brief));
    const facts = callFactsBlock(row.step.id, brief);
    if (facts) blocks.push(facts);
    blocks.push(nextStepActions(row.step.id, 'due'));
  }
  if (page.total > page.rows.length) {
    blocks.push(
      context(`…and ${page.total - page.rows.length} more. Open the app's Home tab or run /followup due.`),
    );
  }
  return blocks;
}
