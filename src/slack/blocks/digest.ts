import type { types } from '@slack/bolt';
import type { RepDigest, TeamDigest } from '../../domain/digest/team-digest.js';
import {
  describeStallReason,
  type StallAction,
  suggestStallAction,
} from '../../domain/stalls/stall-rules.js';
import { ACTIONS } from '../ids.js';
import type { SlackMessage } from './confirmation.js';
import { formatLocalDate } from './local-time.js';
import { prospectLabel } from './next-step-item.js';
import { clip, context, escapeMrkdwn, header, MAX_TEXT, mrkdwnSection, plain } from './text.js';
import type { DigestModel } from './view-models.js';

/**
 * Slack's 50 blocks a message, less the header, the intro, the count of reps left out and the deals whose owner
 * left: what the reps' blocks may use. Reps who do not fit are counted in "and N more reps".
 */
const REP_BLOCKS_BUDGET = 50 - 4;
/**
 * Each of a rep's worst stalled deals is its own block, with a button that opens the rep's plan for it; past
 * this many, the rest are lines (the digest is read for its worst deals, and 50 blocks are shared by the team).
 */
const DEALS_WITH_BUTTONS = 5;
/** Room left in a 3000-character section for the "and N more" line. */
const DEALS_TEXT_BUDGET = MAX_TEXT - 120;

/** Nothing to measure this week reads differently from a measured zero. */
const pct = (value: number | null) => (value === null ? 'no data' : `${value}%`);

const ACTION_LABELS: Record<StallAction, string> = {
  revisit: 'revisit: call with what changed since',
  release_pressure: 'send one easy-out message, then stop chasing',
  go_through_material: 'go through the material together on a call they agree to',
  second_stakeholder: 'bring in a second stakeholder',
};

/** The manager digest: per rep, the week's habits and every stalled deal with why (paused deals stay out). */
export function renderDigestMessage(input: DigestModel): SlackMessage {
  const { digest } = input;
  const late = input.late ? ' (late: the scheduled run was missed)' : '';
  const blocks: types.KnownBlock[] = [
    header(`Stalled deals: ${digest.stalledCount}${input.late ? ' (late)' : ''}`),
    mrkdwnSection(`Team digest for <@${input.managerSlackUserId}>${late}.`),
  ];
  let used = 0;
  let shown = 0;
  for (const rep of digest.reps) {
    const repBlocksOf = repBlocks(rep, input.slackUserIds.get(rep.repId), input);
    if (used + repBlocksOf.length > REP_BLOCKS_BUDGET) break;
    blocks.push(...repBlocksOf);
    used += repBlocksOf.length;
    shown++;
  }
  if (digest.reps.length > shown) blocks.push(context(`…and ${digest.reps.length - shown} more reps.`));
  if (digest.ownerLeft.length > 0) blocks.push(ownerLeftBlock(digest.ownerLeft));
  return { text: `Team digest: ${digest.stalledCount} stalled deal(s)${late}.`, blocks };
}

/**
 * Per rep: their week's habits with a button that opens a DM with them; each of their worst stalled deals with
 * why, the one move the method suggests and a button that opens the rep's plan; then in one block the other
 * stalled deals, the notes, and the paused deals with reason and return date.
 */
function repBlocks(
  rep: RepDigest,
  slackUserId: string | undefined,
  model: Pick<DigestModel, 'teamId' | 'timeZone'>,
): types.KnownBlock[] {
  const who = slackUserId ? `<@${slackUserId}>` : escapeMrkdwn(rep.name);
  const measured = [rep.completionPercent, rep.agreedPercent, rep.rejectedPercent].some(
    (value) => value !== null,
  );
  const summary: types.SectionBlock = mrkdwnSection(
    measured
      ? `*${who}*: calls done when due ${pct(rep.completionPercent)} · agreed with the prospect ${pct(rep.agreedPercent)}` +
          ` · plans sent back by the coach ${pct(rep.rejectedPercent)}`
      : `*${who}*: no calls due or plans logged this week (no data)`,
  );
  if (slackUserId) {
    // Slack's deep link into a DM with a user: slack://user?team={TEAM_ID}&id={USER_ID} (api.slack.com/docs/deep-linking).
    summary.accessory = {
      type: 'button',
      text: plain('Message rep', 75),
      action_id: ACTIONS.messageRep,
      url: `slack://user?team=${encodeURIComponent(model.teamId)}&id=${encodeURIComponent(slackUserId)}`,
    };
  }
  const label = (deal: { contactName: string; company: string }) =>
    `*${escapeMrkdwn(prospectLabel(deal.contactName, deal.company))}*`;
  const stalledLine = ({ deal, reasons }: RepDigest['stalled'][number]) =>
    `• ${label(deal)}: ${escapeMrkdwn(reasons.map(describeStallReason).join('; '))}\n   → _${ACTION_LABELS[suggestStallAction(reasons)]}_`;
  const withButtons = rep.stalled.slice(0, DEALS_WITH_BUTTONS);
  const dealBlocks = withButtons.map(
    (stalled): types.KnownBlock => ({
      ...mrkdwnSection(clip(stalledLine(stalled), DEALS_TEXT_BUDGET)),
      accessory: {
        type: 'button',
        text: plain('Open plan', 75),
        action_id: ACTIONS.openRepPlan,
        value: String(stalled.deal.prospectId),
      },
    }),
  );
  const lines = [
    ...rep.stalled.slice(withButtons.length).map(stalledLine),
    ...rep.notes.map(
      ({ deal }) => `• ${label(deal)}: note: single-threaded, but a call agreed with them is coming`,
    ),
    ...rep.paused.map(
      ({ deal, until, reason }) =>
        `• ${label(deal)}: paused until ${formatLocalDate(until, model.timeZone)}: ${escapeMrkdwn(reason)}`,
    ),
  ];
  const rest =
    lines.length > 0 || dealBlocks.length === 0 ? [mrkdwnSection(fitLines(lines, 'No stalled deals.'))] : [];
  return [summary, ...dealBlocks, ...rest];
}

/** Deals nobody will call any more, for the manager to hand to someone who will. */
function ownerLeftBlock(deals: TeamDigest['ownerLeft']): types.KnownBlock {
  const lines = deals.map(
    ({ deal, ownerName }) =>
      `• *${escapeMrkdwn(prospectLabel(deal.contactName, deal.company))}*: owner left (${escapeMrkdwn(ownerName)})`,
  );
  return mrkdwnSection(`*Owner left: reassign these deals*\n${fitLines(lines, '')}`);
}

function fitLines(lines: string[], empty: string): string {
  if (lines.length === 0) return empty;
  let text = '';
  let shown = 0;
  for (const line of lines) {
    const next = text ? `${text}\n${line}` : line;
    if (next.length > DEALS_TEXT_BUDGET) break;
    text = next;
    shown++;
  }
  if (shown === 0) text = `${lines[0]?.slice(0, DEALS_TEXT_BUDGET - 1)}…`;
  return shown < lines.length ? `${text}\n…and ${lines.length - Math.max(shown, 1)} more.` : text;
}
