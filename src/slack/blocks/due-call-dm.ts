import type { types } from '@slack/bolt';
import { describeGaps, type PreCallBrief } from '../../domain/brief/pre-call-brief.js';
import type { SlackMessage } from './confirmation.js';
import { itemOf } from './due-list.js';
import { nextStepActions, nextStepText } from './next-step-item.js';
import { clip, context, escapeMrkdwn, header, MAX_TEXT, mrkdwnSection } from './text.js';
import type { CallModel, DueCallDmModel, Page } from './view-models.js';

/** The brief under a call, one line each; long rep input is cut so the section stays under 3000 characters. */
export function briefText(brief: PreCallBrief): string {
  return brief.lines.map((line) => `• ${escapeMrkdwn(clip(line, 400))}`).join('\n');
}

export function briefContext(brief: PreCallBrief): types.ContextBlock | undefined {
  const notes = [brief.coaching ? `:bulb: ${brief.coaching}` : null, describeGaps(brief.gaps)].filter(
    Boolean,
  );
  return notes.length > 0 ? context(notes.join('\n')) : undefined;
}

/**
 * One DM a day: overdue calls, then today's, each with its pre-call brief and the buttons to log the outcome or
 * reschedule. Three blocks a call; lists longer than fit in 50 blocks end with "and N more".
 */
export function renderDueCallDm(dm: DueCallDmModel): SlackMessage {
  const { due } = dm;
  const blocks: types.KnownBlock[] = [header(`Your calls for ${due.day}`)];
  blocks.push(...section(':rotating_light: *Overdue*', due.overdue, dm));
  blocks.push(...section(':calendar: *Due today*', due.today, dm));
  const text = `Good morning: ${due.today.total} call(s) due today, ${due.overdue.total} overdue.`;
  return { text, blocks };
}

function section(title: string, page: Page<CallModel>, dm: DueCallDmModel): types.KnownBlock[] {
  if (page.total === 0) return [];
  const blocks: types.KnownBlock[] = [mrkdwnSection(`${title} (${page.total})`)];
  for (const row of page.rows) {
    const brief = dm.briefs.get(row.step.id);
    const lines = `${nextStepText(itemOf(row, dm.due.timeZone), 500)}${brief ? `\n${briefText(brief)}` : ''}`;
    blocks.push(mrkdwnSection(clip(lines, MAX_TEXT)));
    const notes = brief ? briefContext(brief) : undefined;
    if (notes) blocks.push(notes);
    blocks.push(nextStepActions(row.step.id, { full: true }));
  }
  if (page.total > page.rows.length) {
    blocks.push(
      context(`…and ${page.total - page.rows.length} more. Open the app's Home tab or run /followup due.`),
    );
  }
  return blocks;
}
