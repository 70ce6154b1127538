import { hasGoneDark } from '../settings.js';
import {
  type Outcome,
  type ProspectStatus,
  REAL_CONTACT_OUTCOMES,
  UNANSWERED_OUTCOMES,
} from '../vocabulary.js';

const DAY_MS = 86_400_000;

/** Per-workspace thresholds (workspace_settings). */
export interface StallThresholds {
  staleAfterDays: number;
  goneDarkAfterUnanswered: number;
  minValueTouchPercent: number;
}

/** What the database knows about one deal, gathered for the stall rules and the digest. */
export interface DealFacts {
  prospectId: number;
  ownerId: number;
  contactName: string;
  company: string;
  status: ProspectStatus;
  createdAt: Date;
  pausedUntil: Date | null;
  pauseReason: string | null;
  revisitAt: Date | null;
  /** Latest touch whose outcome is real contact (a connected call, a meeting, a reply). */
  lastRealContactAt: Date | null;
  /** Outcomes of the latest touches, newest first (enough to count a run of unanswered ones). */
  recentOutcomes: Outcome[];
  valueTouches: number;
  askTouches: number;
  /** People on the deal besides the contact. */
  stakeholderCount: number;
  /** The live (scheduled) next step, if any. */
  nextStep: { dueAt: Date; agreed: boolean; snoozeCount: number } | null;
}

export type StallReason =
  | { kind: 'no_touch'; days: number }
  | { kind: 'overdue_step'; days: number }
  | { kind: 'gone_dark'; unanswered: number }
  | { kind: 'single_threaded' }
  | { kind: 'mostly_asks'; valuePercent: number }
  | { kind: 'revisit_due'; since: Date }
  | { kind: 'snoozed'; times: number }
  | { kind: 'back_from_pause'; reason: string };

export type DealAssessment =
  | { paused: true; until: Date; reason: string }
  /** `notes`: worth knowing but not a stall (a single-threaded deal waiting on a call agreed with the prospect). */
  | { paused: false; reasons: StallReason[]; notes: StallReason[] };

/** The 70/30 rule needs a few touches before a share means anything. */
export const MIN_TOUCHES_FOR_RATIO = 3;
/** Snoozing the same call this often is worth a manager's question. */
export const SNOOZES_WORTH_SHOWING = 2;
/** A deal back from a pause is shown with its reason for this long. */
const BACK_FROM_PAUSE_DAYS = 7;

/** A deal that is not won and whose second-chance date has come is worth a call again. */
function revisitDue(deal: Pick<DealFacts, 'status' | 'revisitAt'>, now: Date): boolean {
  return deal.status !== 'won' && deal.revisitAt !== null && deal.revisitAt.getTime() <= now.getTime();
}

/**
 * Whether a deal is closed for now: won, or lost or not interested until its second-chance date comes (then the
 * digest lists it again, to revisit). Active and nurtured deals are open.
 */
export function isDealClosed(deal: Pick<DealFacts, 'status' | 'revisitAt'>, now: Date): boolean {
  if (deal.status === 'active' || deal.status === 'nurture') return false;
  return !revisitDue(deal, now);
}

/**
 * The stall rules of the method:
 * - A deal paused until a later date is not judged at all; after the date it comes back with its reason.
 * - The stall clock runs from the last real contact. A scheduled next step agreed with the prospect for a
 *   future date stops it: the deal is waiting as planned. It becomes stalled when that step is missed.
 * - Voicemails and unanswered emails never reset the clock; a run of them is "gone dark".
 * - Fewer than two people (the contact alone) is single-threaded; while a call agreed with the prospect is coming,
 *   that is a note for the manager, not a stall. Fewer value touches than the workspace's
 *   share (70/30) is "mostly asks".
 * - A "not interested" or lost prospect is only ever surfaced when its second-chance revisit date has come.
 */
export function assessDeal(deal: DealFacts, thresholds: StallThresholds, now: Date): DealAssessment {
  const nowMs = now.getTime();
  if (deal.pausedUntil && deal.pausedUntil.getTime() > nowMs) {
    return { paused: true, until: deal.pausedUntil, reason: deal.pauseReason ?? '' };
  }
  if (deal.status !== 'active') {
    return {
      paused: false,
      reasons:
        revisitDue(deal, now) && deal.revisitAt ? [{ kind: 'revisit_due', since: deal.revisitAt }] : [],
      notes: [],
    };
  }
  const reasons: StallReason[] = [];
  const notes: StallReason[] = [];
  const step = deal.nextStep;
  const waitingAsAgreed = step?.agreed === true && step.dueAt.getTime() > nowMs;
  // A pause stops the clock too: a deal back from "buyer on leave" is not months stale on its first day back.
  const clockStart = Math.max(
    deal.lastRealContactAt?.getTime() ?? deal.createdAt.getTime(),
    deal.pausedUntil?.getTime() ?? 0,
  );
  const idleDays = Math.floor((nowMs - clockStart) / DAY_MS);
  if (!waitingAsAgreed && idleDays >= thresholds.staleAfterDays)
    reasons.push({ kind: 'no_touch', days: idleDays });
  if (step && step.dueAt.getTime() < nowMs) {
    reasons.push({ kind: 'overdue_step', days: Math.floor((nowMs - step.dueAt.getTime()) / DAY_MS) });
  }
  const unanswered = countLeadingUnanswered(deal.recentOutcomes);
  if (hasGoneDark(unanswered, thresholds.goneDarkAfterUnanswered))
    reasons.push({ kind: 'gone_dark', unanswered });
  if (deal.stakeholderCount + 1 < 2) (waitingAsAgreed ? notes : reasons).push({ kind: 'single_threaded' });
  const touches = deal.valueTouches + deal.askTouches;
  if (touches >= MIN_TOUCHES_FOR_RATIO) {
    const valuePercent = Math.round((deal.valueTouches / touches) * 100);
    if (valuePercent < thresholds.minValueTouchPercent) reasons.push({ kind: 'mostly_asks', valuePercent });
  }
  if (step && step.snoozeCount >= SNOOZES_WORTH_SHOWING)
    reasons.push({ kind: 'snoozed', times: step.snoozeCount });
  const backFromPause =
    deal.pausedUntil &&
    nowMs - deal.pausedUntil.getTime() < BACK_FROM_PAUSE_DAYS * DAY_MS &&
    deal.pauseReason;
  if (backFromPause && deal.pauseReason) reasons.push({ kind: 'back_from_pause', reason: deal.pauseReason });
  return { paused: false, reasons, notes };
}

/** Unanswered touches in a row, newest first, up to the latest real contact. */
export function countLeadingUnanswered(outcomes: readonly Outcome[]): number {
  let count = 0;
  for (const outcome of outcomes) {
    if (REAL_CONTACT_OUTCOMES.has(outcome)) break;
    if (UNANSWERED_OUTCOMES.has(outcome)) count++;
  }
  return count;
}

export function describeStallReason(reason: StallReason): string {
  switch (reason.kind) {
    case 'no_touch':
      return `no real contact for ${reason.days} days`;
    case 'overdue_step':
      return reason.days === 0 ? 'next step missed today' : `next step overdue by ${reason.days} day(s)`;
    case 'gone_dark':
      return `gone dark: ${reason.unanswered} unanswered touches in a row (release the pressure)`;
    case 'single_threaded':
      return 'single-threaded: only one contact';
    case 'mostly_asks':
      return `mostly asks: ${reason.valuePercent}% value touches (aim for 70/30)`;
    case 'revisit_due':
      return 'due for a second-chance revisit';
    case 'snoozed':
      return `snoozed ${reason.times} times`;
    case 'back_from_pause':
      return `back from pause: ${reason.reason}`;
  }
}

/** What the method would have the manager do about a stalled deal: one move, the most pressing first. */
export type StallAction = 'revisit' | 'release_pressure' | 'go_through_material' | 'second_stakeholder';

/**
 * A deal due for its second chance (or back from a pause) is revisited; one gone dark needs the pressure released
 * before anything else; a deal idle, overdue, snoozed or mostly asks needs a call with something of value (go
 * through the material together); a deal that is only single-threaded needs a second stakeholder.
 */
export function suggestStallAction(reasons: readonly StallReason[]): StallAction {
  const kinds = new Set(reasons.map((reason) => reason.kind));
  if (kinds.has('revisit_due') || kinds.has('back_from_pause')) return 'revisit';
  if (kinds.has('gone_dark')) return 'release_pressure';
  if (kinds.has('single_threaded') && kinds.size === 1) return 'second_stakeholder';
  return 'go_through_material';
}
