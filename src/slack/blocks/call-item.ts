import type { types } from '@slack/bolt';
import type { BriefFact, PreCallBrief } from '../../domain/brief/pre-call-brief.js';
import type { ProfileField } from '../../domain/vocabulary.js';
import { ACTIONS, callFactsBlockId, callTextBlockId, nextStepBlockId } from '../ids.js';
import { type NextStepItem, prospectLabel } from './next-step-item.js';
import { clip, clipAtWord, escapeMrkdwn, plain } from './text.js';

/**
 * The sizes of one call in the morning DM and the reminder, so a rep with a minute between calls reads it at a
 * glance: who and when on one line, the reason and the plan on one line, at most two short facts. A test fails
 * when an item grows past them.
 */
export const CALL_ITEM_SIZES = { whoChars: 50, reasonLineChars: 72, factChars: 75, words: 40 } as const;

/** "*Dana Reyes (Acme)* · Tue 1 Dec, 9:00 ET · agreed" */
export function callHeadline(item: NextStepItem): string {
  const who = escapeMrkdwn(clip(prospectLabel(item.contactName, item.company), CALL_ITEM_SIZES.whoChars));
  return `*${who}* · ${item.dueLabel}${item.agreed ? ' · agreed' : ''}`;
}

/** The reason the prospect has to talk and the plan, once, on one line: "_Warranty expiring (31 Jul)_: plan". */
export function reasonLine(plan: string, brief: PreCallBrief | undefined): string {
  const reason = brief?.reason ? clip(brief.reason, 36) : null;
  const room = CALL_ITEM_SIZES.reasonLineChars - (reason ? reason.length + 4 : 0);
  const planLine = clipAtWord(plan.replace(/\s+/g, ' ').trim(), room);
  return reason ? `_${escapeMrkdwn(reason)}_: ${escapeMrkdwn(planLine)}` : escapeMrkdwn(planLine);
}

const FIELD_QUESTIONS: Record<ProfileField, string> = {
  hot_button: 'Ask what matters most',
  decision_maker: 'Ask who decides',
  purchasing_process: 'Ask how they buy',
  budget: 'Ask about budget',
};

/** One fact, as a short instruction for the call. */
export function factText(fact: BriefFact): string {
  const short = (text: string) => escapeMrkdwn(clip(text, 30));
  switch (fact.kind) {
    case 'no_value_reason':
      return ':bulb: Bring them something new, not a check-in';
    case 'material_not_reviewed':
      return `:page_facing_up: Walk through the ${short(fact.material)}`;
    case 'material_review_unknown':
      return `:page_facing_up: Ask if they read the ${short(fact.material)}`;
    case 'missing_field':
      return `:mag: ${FIELD_QUESTIONS[fact.field]}`;
    case 'single_threaded':
      return ':busts_in_silhouette: Ask who else to involve';
    case 'hot_button':
      return `:dart: Cares about ${short(fact.hotButton)}`;
  }
}

/** The call's text block: headline, then the reason line. */
export function callTextBlock(item: NextStepItem, brief: PreCallBrief | undefined): types.SectionBlock {
  return {
    type: 'section',
    block_id: callTextBlockId(item.id),
    text: { type: 'mrkdwn', text: `${callHeadline(item)}\n${reasonLine(item.plan, brief)}` },
  };
}

/** The brief's facts in one small line under the call; undefined when there are none. */
export function callFactsBlock(
  nextStepId: number,
  brief: PreCallBrief | undefined,
): types.ContextBlock | undefined {
  if (!brief || brief.facts.length === 0) return undefined;
  return {
    type: 'context',
    block_id: callFactsBlockId(nextStepId),
    elements: [{ type: 'mrkdwn', text: brief.facts.map(factText).join('   ') }],
  };
}

/**
 * A message after a press on one call's buttons: that call's buttons and facts give way to what happened (and,
 * when given, the one button that comes next), so old buttons do not linger. Other calls stay as they were;
 * undefined when the message does not hold that call's buttons.
 */
export function settleCallInMessage(
  blocks: readonly types.KnownBlock[],
  nextStepId: number,
  outcome: string,
  next?: types.Button,
): types.KnownBlock[] | undefined {
  const actionsId = nextStepBlockId(nextStepId);
  if (!blocks.some((block) => block.block_id === actionsId)) return undefined;
  const settled: types.SectionBlock = {
    type: 'section',
    block_id: actionsId,
    text: { type: 'mrkdwn', text: outcome },
    ...(next ? { accessory: next } : {}),
  };
  return blocks
    .filter((block) => block.block_id !== callFactsBlockId(nextStepId))
    .map((block) => (block.block_id === actionsId ? settled : block));
}

/** After "Mark done": the deal must not be left with no next step, so the one button opens the log for it. */
export function planNextStepButton(prospectId: number): types.Button {
  return {
    type: 'button',
    text: plain('Plan next step', 75),
    action_id: ACTIONS.logNewCall,
    value: String(prospectId),
    style: 'primary',
  };
}
