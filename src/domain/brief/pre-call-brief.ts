import {
  type CoachVerdictKind,
  OUTCOME_LABELS,
  type Outcome,
  PROFILE_FIELD_LABELS,
  type ProfileField,
  type ProspectProfile,
  VALUE_REASON_LABELS,
  type ValueReason,
} from '../vocabulary.js';

export interface BriefFacts extends ProspectProfile {
  dueAt: Date;
  plan: string;
  valueReason: ValueReason | null;
  valueDetail: string | null;
  coachVerdict: CoachVerdictKind | null;
  stakeholders: string[];
  /** The latest touch, if any. */
  lastOutcome: Outcome | null;
  /** The latest material sent, and whether the prospect reviewed it. */
  material: { sent: string; reviewed: boolean | null } | null;
}

export interface PreCallBrief {
  lines: string[];
  gaps: ProfileField[];
  coaching: string | null;
}

const DAY_MS = 86_400_000;

/**
 * What to have in front of you before the call, from the method: the prospect's hot button, the value reason
 * you promised to bring and your plan, the material you sent (go through it together), how the last touch
 * went, who else is involved, and which parts of the profile to fill on this call.
 */
export function buildPreCallBrief(facts: BriefFacts, now: Date): PreCallBrief {
  const lines: string[] = [];
  lines.push(`Hot button: ${facts.hotButton ?? 'unknown, find out what matters most to them'}`);
  const reason = facts.valueReason ? VALUE_REASON_LABELS[facts.valueReason] : 'none recorded';
  lines.push(`Value reason: ${reason}${facts.valueDetail ? ` (${facts.valueDetail})` : ''}`);
  lines.push(`Plan: ${facts.plan}`);
  if (facts.material) {
    const reviewed =
      facts.material.reviewed === true
        ? 'they reviewed it'
        : facts.material.reviewed === false
          ? 'not reviewed yet: go through it together'
          : 'ask whether they reviewed it';
    lines.push(`Material sent: ${facts.material.sent} (${reviewed})`);
  }
  if (facts.lastOutcome) lines.push(`Last outcome: ${OUTCOME_LABELS[facts.lastOutcome]}`);
  lines.push(
    facts.stakeholders.length > 0
      ? `Stakeholders: ${facts.stakeholders.join(', ')}`
      : 'Stakeholders: only your contact so far, ask who else is involved',
  );
  const gaps = profileGaps(facts);
  return { lines, gaps, coaching: coachingLine(facts, now) };
}

export function profileGaps(
  facts: Pick<BriefFacts, 'hotButton' | 'decisionMaker' | 'purchasingProcess' | 'budget'>,
): ProfileField[] {
  const known: Record<ProfileField, string | null> = {
    hot_button: facts.hotButton,
    decision_maker: facts.decisionMaker,
    purchasing_process: facts.purchasingProcess,
    budget: facts.budget,
  };
  return (Object.keys(known) as ProfileField[]).filter((field) => !known[field]?.trim());
}

export function describeGaps(gaps: readonly ProfileField[]): string | null {
  return gaps.length === 0
    ? null
    : `Fill on this call: ${gaps.map((gap) => PROFILE_FIELD_LABELS[gap]).join(', ')}`;
}

/**
 * An overdue call, or a plan saved without a value reason the coach accepted (saved before the coach existed,
 * or saved anyway while vague), gets one line of coaching.
 */
function coachingLine(facts: BriefFacts, now: Date): string | null {
  const overdueDays = Math.floor((now.getTime() - facts.dueAt.getTime()) / DAY_MS);
  if (overdueDays >= 1) {
    return `Overdue by ${overdueDays} day(s): call today with a reason that is worth their time, or agree a new time with them. No "just checking in".`;
  }
  if (facts.coachVerdict !== 'value') {
    return 'This plan has no clear value reason yet: bring something for them (a date that matters, news, material to go through together), not a request for an update.';
  }
  return null;
}
