import type { types } from '@slack/bolt';
import { OUTCOME_LABELS } from '../../domain/vocabulary.js';
import { googleCalendarUrl, outlookCalendarUrl } from './calendar-links.js';
import { formatLocalDate, formatLocalTime } from './local-time.js';
import { nextStepActions, nextStepText, prospectLabel } from './next-step-item.js';
import { clip, context, escapeMrkdwn, mrkdwnSection } from './text.js';
import type { ConfirmationModel } from './view-models.js';

export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** What was saved and when the call is due, in the rep's zone, with the buttons to act on it. */
export function renderConfirmationMessage(
  confirmation: ConfirmationModel,
  options: { alreadySaved: boolean },
): SlackMessage {
  // Blocks and the fallback text (notifications, screen readers) are both mrkdwn: the name is escaped in each.
  const who = escapeMrkdwn(prospectLabel(confirmation.prospect.contactName, confirmation.prospect.company));
  const { nextStep, timeZone } = confirmation;
  const lead = options.alreadySaved ? 'Already saved, nothing stored twice' : 'Saved';
  const outcome = OUTCOME_LABELS[confirmation.outcome];
  const blocks: types.KnownBlock[] = [
    mrkdwnSection(`:white_check_mark: *${lead}:* ${who}, ${outcome.toLowerCase()}.`),
  ];
  if (confirmation.summary) blocks.push(context(escapeMrkdwn(clip(confirmation.summary, 1000))));
  let text: string;
  if (nextStep) {
    const dueLabel = formatLocalTime(nextStep.dueAt, timeZone);
    text = `${lead}: ${who}. Next call ${dueLabel}.`;
    blocks.push(
      mrkdwnSection(
        `*Next call:* ${nextStepText({ ...nextStep, contactName: confirmation.prospect.contactName, company: confirmation.prospect.company, dueLabel }, 2000)}`,
      ),
    );
    if (confirmation.coachTip)
      blocks.push(context(`:bulb: ${escapeMrkdwn(clip(confirmation.coachTip, 1000))}`));
    // Agreed with the prospect: the call belongs on the rep's calendar too.
    if (nextStep.agreed) {
      const event = {
        title: `Call: ${prospectLabel(confirmation.prospect.contactName, confirmation.prospect.company)}`,
        details: clip(nextStep.plan, 500),
        start: nextStep.dueAt,
      };
      blocks.push(
        context(
          `:spiral_calendar_pad: <${googleCalendarUrl(event)}|Add to Google Calendar> · <${outlookCalendarUrl(event)}|Add to Outlook>`,
        ),
      );
    }
    blocks.push(nextStepActions(nextStep.id, 'all'));
  } else if (confirmation.revisitAt) {
    const revisit = formatLocalDate(confirmation.revisitAt, timeZone);
    text = `${lead}: ${who}. We will bring them back on ${revisit} for a second-chance call.`;
    blocks.push(mrkdwnSection(`No next call for now. *Revisit on ${revisit}*: people and needs change.`));
  } else {
    text = `${lead}: ${who}.`;
  }
  return { text, blocks };
}

/** What a logged call leaves where its "Log outcome" button was: the outcome and what comes next, one line. */
export function loggedCallLine(confirmation: ConfirmationModel): string {
  const who = escapeMrkdwn(prospectLabel(confirmation.prospect.contactName, confirmation.prospect.company));
  const outcome = OUTCOME_LABELS[confirmation.outcome].toLowerCase();
  const { nextStep, revisitAt, timeZone } = confirmation;
  const next = nextStep
    ? ` Next call ${formatLocalTime(nextStep.dueAt, timeZone)}.`
    : revisitAt
      ? ` Revisit on ${formatLocalDate(revisitAt, timeZone)}.`
      : '';
  return `:memo: Logged: ${who}, ${outcome}.${next}`;
}
