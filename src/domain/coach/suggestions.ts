/**
 * What the coach proposes instead, drawn from the method and fitted to what we know of the prospect:
 * the compelling-reason list (ordered by their hot button), going through unreviewed material together,
 * a pressure-releasing message when they have gone dark, another stakeholder when the deal hangs on one
 * contact, scheduling the call with them, and the profile gaps to fill. Most useful first.
 */
import {
  PROFILE_FIELD_LABELS,
  type ProfileField,
  VALUE_REASON_LABELS,
  type ValueReason,
} from '../vocabulary.js';
import type { CoachInput, ProspectContext } from './coach-input.js';

export interface SuggestionFacts {
  input: CoachInput;
  verdict: 'value' | 'vague';
  /** The plan's canonical words. */
  tokens: readonly string[];
  goneDark: boolean;
  hotButtonMentioned: boolean;
}
const REASON_PHRASES = {
  warranty: 'a warranty or maintenance contract running out',
  regulation: 'a new regulation they must meet',
  product: 'a new product',
  price: 'a price drop',
  offer: 'a special offer',
  system: 'a better system',
  report: 'a relevant report or article',
} as const;
type ReasonKey = keyof typeof REASON_PHRASES;

const DEFAULT_ORDER: ReasonKey[] = [
  'warranty',
  'regulation',
  'product',
  'price',
  'offer',
  'system',
  'report',
];

/** Hot-button themes and the compelling reasons that speak to them first. */
const THEMES: ReadonlyArray<readonly [RegExp, ReasonKey[]]> = [
  [/cost|price|budget|sav|spend|cheap|expens|roi|margin|money/, ['price', 'offer', 'system']],
  [/downtime|uptime|reliab|outage|breakdown|maint|failure|repair|service/, ['warranty', 'product', 'system']],
  [/complian|regulat|audit|legal|risk|secur|gdpr|vat|safety|fine/, ['regulation', 'report', 'system']],
  [
    /speed|slow|fast|perform|efficien|productiv|backup|latency|time|throughput/,
    ['product', 'system', 'report'],
  ],
  [/growth|revenue|sales|customer|market|expan|retention|churn/, ['report', 'product', 'offer']],
];

const DETAIL_PROMPTS: Record<ValueReason, string> = {
  warranty_expiring: 'which equipment, when its warranty ends, and what that exposes them to',
  contract_expiring: 'which contract, when it runs out, and what changes for them',
  new_regulation: 'which regulation, when it takes effect, and what they must change',
  new_product: 'which product, and what it does for their hot button',
  price_drop: 'what got cheaper, by how much, and from when',
  special_offer: 'what the offer is, what it saves them, and until when',
  better_system: 'what the better system is and which of their problems it solves',
  relevant_report: 'which report or article, and the finding that matters to them',
  review_material: 'which material, and the pages you will go through together',
  new_stakeholder: 'who you will bring in, and why their view matters to the decision',
  other: 'what exactly you bring them, with a date, number or name',
};

function subjectOf(prospect: ProspectContext | undefined): string {
  return prospect?.contactName?.trim() || prospect?.company?.trim() || 'the prospect';
}

function firstNameOf(prospect: ProspectContext | undefined): string {
  return prospect?.contactName?.trim().split(/\s+/)[0] || 'there';
}

function orderedReasons(hotButton: string | undefined): string {
  const theme = hotButton ? THEMES.find(([pattern]) => pattern.test(hotButton.toLowerCase())) : undefined;
  const first = theme?.[1] ?? [];
  const order = [...first, ...DEFAULT_ORDER.filter((key) => !first.includes(key))];
  // Three reasons are a choice a rep can make between calls; seven are a list to skim past.
  const phrases = order.slice(0, 3).map((key) => REASON_PHRASES[key]);
  return `${phrases.slice(0, -1).join(', ')} or ${phrases[phrases.length - 1]}`;
}

function compellingReason(prospect: ProspectContext | undefined): string {
  const hotButton = prospect?.hotButton?.trim() || undefined;
  const reasons = orderedReasons(hotButton);
  if (hotButton)
    return `Give ${subjectOf(prospect)} a reason tied to their hot button, "${hotButton}": ${reasons}.`;
  return `Bring a compelling reason: ${reasons}.`;
}

function reviewTogether(prospect: ProspectContext | undefined): string {
  const focus = prospect?.hotButton?.trim()
    ? `, starting with the pages on "${prospect.hotButton.trim()}"`
    : '';
  return `They have your material but have not reviewed it: book a time to go through it together${focus}. "As long as you have it there, let's go through it together."`;
}

function releasePressure(prospect: ProspectContext | undefined, touches: number): string {
  return `${touches} touches unanswered: release the pressure. E.g. "${firstNameOf(prospect)}, I know we haven't been able to connect and I understand how busy you are. No need to call back; if I missed anything you expected, I apologise."`;
}

function anotherStakeholder(prospect: ProspectContext | undefined): string {
  return `${subjectOf(prospect)} is your only contact: let them know you plan to reach out to the others involved (finance, IT, the decision maker) and schedule a call with them too.`;
}

function scheduleWithThem(prospect: ProspectContext | undefined): string {
  return `Schedule the call with ${subjectOf(prospect)}: agree the time before you hang up and get it on both calendars, rather than calling back unannounced.`;
}

function fillGaps(gaps: readonly ProfileField[]): string {
  const questions: Record<ProfileField, string> = {
    hot_button: 'what matters most to them',
    decision_maker: 'who makes the decision',
    purchasing_process: 'how they buy',
    budget: 'what budget is planned, and if none, how they will fund it',
  };
  const asked = gaps.map((gap) => questions[gap]).join('; ');
  const labels = gaps.map((gap) => PROFILE_FIELD_LABELS[gap]).join(', ');
  return `Fill the profile gaps (${labels}) on this call: ask ${asked}.`;
}

/** Words that show the plan already goes through material together, or brings someone in. */
const REVIEW_WORDS = new Set(['through', 'walk', 'walkthrough', 'review', 'together']);
const STAKEHOLDER_WORDS = new Set([
  'cfo',
  'ceo',
  'cto',
  'finance',
  'it',
  'procurement',
  'boss',
  'manager',
  'director',
  'team',
  'loop',
  'invite',
  'bring',
  'colleague',
  'engineer',
  'specialist',
]);

const mentionsAny = (tokens: readonly string[], words: ReadonlySet<string>) =>
  tokens.some((token) => words.has(token));

/** Suggestions for this plan and prospect, most useful first, without duplicates. */
export function suggestNextSteps(facts: SuggestionFacts): string[] {
  const { input, verdict, tokens, goneDark } = facts;
  const prospect = input.prospect;
  const touches = prospect?.unansweredTouchesInRow ?? 0;
  const materialPending = prospect?.materialSentNotReviewed === true;
  const singleContact = prospect?.stakeholderCount !== undefined && prospect.stakeholderCount <= 1;
  const gaps = (prospect?.profileGaps ?? []).filter((gap) => gap !== 'hot_button' || !prospect?.hotButton);
  const out: string[] = [];

  if (verdict === 'vague') {
    if (input.valueReason) {
      out.push(
        `Say it for "${VALUE_REASON_LABELS[input.valueReason]}": ${DETAIL_PROMPTS[input.valueReason]}.`,
      );
    }
    if (goneDark) out.push(releasePressure(prospect, touches));
    if (materialPending) out.push(reviewTogether(prospect));
    if (prospect?.lastOutcome === 'not_ready_yet') {
      out.push(
        'They said "not ready yet": find out what will change by then, and make that the reason for the call.',
      );
    }
    out.push(compellingReason(prospect));
    if (prospect?.lastOutcome === 'not_interested' || prospect?.lastOutcome === 'lost') {
      out.push(
        'They said no for now: revisit in six to twelve months with news (a new product, a price drop), not a check-in.',
      );
    }
  } else {
    if (materialPending && !mentionsAny(tokens, REVIEW_WORDS)) out.push(reviewTogether(prospect));
    if (prospect?.hotButton?.trim() && !facts.hotButtonMentioned) {
      out.push(`Tie it to their hot button, "${prospect.hotButton.trim()}": say what it changes for that.`);
    }
  }
  if (singleContact && !mentionsAny(tokens, STAKEHOLDER_WORDS)) out.push(anotherStakeholder(prospect));
  if (input.agreedWithProspect === false) out.push(scheduleWithThem(prospect));
  if (gaps.length > 0) out.push(fillGaps(gaps));
  return [...new Set(out)];
}
