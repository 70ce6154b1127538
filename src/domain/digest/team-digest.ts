import { assessDeal, type DealFacts, type StallReason, type StallThresholds } from '../stalls/stall-rules.js';

export interface RepActivity {
  repId: number;
  name: string;
  /** Next steps due in the window that were done (or replaced by a logged call) vs. missed. */
  dueCompleted: number;
  dueMissed: number;
  /** Next steps created in the window, and how many of them were agreed with the prospect. */
  stepsCreated: number;
  stepsAgreed: number;
  /** Coach judgements in the window, and how many sent the plan back as vague. */
  plansReviewed: number;
  plansRejected: number;
}

export interface StalledDeal {
  deal: DealFacts;
  reasons: StallReason[];
}

export interface RepDigest {
  repId: number;
  name: string;
  /** Percentages, or null when there was nothing to measure. */
  completionPercent: number | null;
  agreedPercent: number | null;
  rejectedPercent: number | null;
  stalled: StalledDeal[];
  /** Deals that are not stalled but worth a word (single-threaded while an agreed call is coming). */
  notes: StalledDeal[];
  paused: { deal: DealFacts; until: Date; reason: string }[];
}

/** An open deal whose owner has left the workspace: nobody will call, so the manager must reassign it. */
export interface OrphanedDeal {
  deal: DealFacts;
  ownerName: string;
}

/** A rep who has left the workspace (deactivated in the chat platform). */
export interface DepartedRep {
  repId: number;
  name: string;
}

export interface TeamDigest {
  reps: RepDigest[];
  stalledCount: number;
  /** Open deals (active or nurtured) of reps who left, oldest first. */
  ownerLeft: OrphanedDeal[];
}

/** Deals still worth working; lost, won and not-interested ones need no new owner. */
const OPEN_STATUSES: ReadonlySet<string> = new Set(['active', 'nurture']);

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

/**
 * The manager's digest as data: per rep, the three habits the method cares about (calls done when due, calls
 * agreed with the prospect, plans the coach sent back) and the deals the stall rules flag, worst first.
 */
export function buildTeamDigest(
  reps: readonly RepActivity[],
  deals: readonly DealFacts[],
  thresholds: StallThresholds,
  now: Date,
  departed: readonly DepartedRep[] = [],
): TeamDigest {
  const departedNames = new Map(departed.map((rep) => [rep.repId, rep.name]));
  const byRep = new Map<number, RepDigest>();
  for (const rep of reps) {
    byRep.set(rep.repId, {
      repId: rep.repId,
      name: rep.name,
      completionPercent: percent(rep.dueCompleted, rep.dueCompleted + rep.dueMissed),
      agreedPercent: percent(rep.stepsAgreed, rep.stepsCreated),
      rejectedPercent: percent(rep.plansRejected, rep.plansReviewed),
      stalled: [],
      notes: [],
      paused: [],
    });
  }
  let stalledCount = 0;
  const ownerLeft: OrphanedDeal[] = [];
  for (const deal of deals) {
    const ownerName = departedNames.get(deal.ownerId);
    if (ownerName !== undefined) {
      if (OPEN_STATUSES.has(deal.status)) ownerLeft.push({ deal, ownerName });
      continue;
    }
    const rep = byRep.get(deal.ownerId);
    if (!rep) continue;
    const assessment = assessDeal(deal, thresholds, now);
    if (assessment.paused) {
      rep.paused.push({ deal, until: assessment.until, reason: assessment.reason });
    } else if (assessment.reasons.length > 0) {
      rep.stalled.push({ deal, reasons: assessment.reasons });
      stalledCount++;
    } else if (assessment.notes.length > 0) {
      rep.notes.push({ deal, reasons: assessment.notes });
    }
  }
  for (const rep of byRep.values()) rep.stalled.sort(worstFirst);
  ownerLeft.sort((a, b) => a.deal.prospectId - b.deal.prospectId);
  return { reps: [...byRep.values()], stalledCount, ownerLeft };
}

/** The deals the stall rules flag (paused ones aside), worst first: what a rep sees on their Home tab. */
export function listStalledDeals(
  deals: readonly DealFacts[],
  thresholds: StallThresholds,
  now: Date,
): StalledDeal[] {
  return deals
    .flatMap((deal) => {
      const assessment = assessDeal(deal, thresholds, now);
      return !assessment.paused && assessment.reasons.length > 0
        ? [{ deal, reasons: assessment.reasons }]
        : [];
    })
    .sort(worstFirst);
}

function worstFirst(a: StalledDeal, b: StalledDeal): number {
  return b.reasons.length - a.reasons.length || a.deal.prospectId - b.deal.prospectId;
}
