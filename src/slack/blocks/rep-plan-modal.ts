import type { types } from '@slack/bolt';
import { OUTCOME_LABELS, PROFILE_FIELD_LABELS, type ProfileField } from '../../domain/vocabulary.js';
import { formatLocalTime } from './local-time.js';
import { prospectLabel } from './next-step-item.js';
import { clip, escapeMrkdwn, mrkdwnSection, plain } from './text.js';
import type { RepPlanModel } from './view-models.js';

/** Section fields hold at most 2000 characters; a profile answer is one short line. */
const PROFILE_FIELD_CHARS = 300;
/** A touch's notes in the list of touches: one line's worth. */
const TOUCH_NOTES_CHARS = 120;
const PLAN_CHARS = 1500;

/** The profile facts the method says a rep must know, in the order a manager asks about them. */
const PROFILE_ORDER: readonly [ProfileField, keyof RepPlanModel['profile']][] = [
  ['hot_button', 'hotButton'],
  ['decision_maker', 'decisionMaker'],
  ['purchasing_process', 'purchasingProcess'],
  ['budget', 'budget'],
];

const NOT_KNOWN = '_not known yet_';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A manager's read-only view of a rep's deal, opened from the digest: who, whose, the latest outcome and the
 * next step, the profile facts that matter (with what is still unknown), the people involved and the last
 * touches. No submit button: nothing here changes the deal.
 */
export function renderRepPlanModal(model: RepPlanModel): types.ModalView {
  const at = (date: Date) => formatLocalTime(date, model.timeZone);
  const [latest] = model.touches;
  const blocks: types.KnownBlock[] = [
    mrkdwnSection(
      `*${escapeMrkdwn(prospectLabel(model.contactName, model.company))}*\nRep: <@${model.rep.slackUserId}>`,
    ),
    mrkdwnSection(
      latest
        ? `*Latest outcome:* ${OUTCOME_LABELS[latest.outcome]} · ${at(latest.occurredAt)}`
        : '*Latest outcome:* no call logged yet',
    ),
    mrkdwnSection(nextStepText(model, at)),
    { type: 'divider' },
    {
      type: 'section',
      fields: PROFILE_ORDER.map(([field, key]) => {
        const value = model.profile[key]?.trim();
        return {
          type: 'mrkdwn',
          text: `*${capitalised(PROFILE_FIELD_LABELS[field])}*\n${value ? escapeMrkdwn(clip(value, PROFILE_FIELD_CHARS)) : NOT_KNOWN}`,
        };
      }),
    },
    mrkdwnSection(`*Others involved:* ${stakeholdersText(model.stakeholders)}`),
    { type: 'divider' },
    mrkdwnSection(touchesText(model.touches, at)),
  ];
  return {
    type: 'modal',
    title: plain('Deal plan', 24),
    close: plain('Close', 24),
    blocks,
  };
}

function nextStepText(model: RepPlanModel, at: (date: Date) => string): string {
  const step = model.nextStep;
  if (!step) return '*Next step:* none scheduled';
  const agreed = step.agreed ? 'agreed with them' : 'not agreed with them yet';
  const plan = escapeMrkdwn(clip(step.plan.replace(/\s+/g, ' ').trim(), PLAN_CHARS));
  return `*Next step:* ${at(step.dueAt)} · ${agreed}\n>${plan}`;
}

function stakeholdersText(people: RepPlanModel['stakeholders']): string {
  if (people.length === 0) return 'none named yet: the rep talks to one contact only';
  return people
    .map((person) => {
      const about = [person.title?.trim(), person.isDecisionMaker ? 'decides' : '']
        .filter(Boolean)
        .join(', ');
      return escapeMrkdwn(clip(about ? `${person.name} (${about})` : person.name, 80));
    })
    .join(', ');
}

function touchesText(touches: RepPlanModel['touches'], at: (date: Date) => string): string {
  if (touches.length === 0) return '*Last touches:* none logged yet';
  const lines = touches.map((touch) => {
    const notes = touch.summary?.trim()
      ? `: ${escapeMrkdwn(clip(touch.summary.replace(/\s+/g, ' ').trim(), TOUCH_NOTES_CHARS))}`
      : '';
    const kind = touch.touchType === 'value' ? 'brought value' : 'asked';
    return `• ${at(touch.occurredAt)} · ${OUTCOME_LABELS[touch.outcome]} · ${kind}${notes}`;
  });
  return `*Last touches:*\n${lines.join('\n')}`;
}
