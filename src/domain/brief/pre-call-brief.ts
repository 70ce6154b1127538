import {
  type CoachVerdictKind,
  PROFILE_FIELDS,
  type ProfileField,
  type ProspectProfile,
  VALUE_REASON_LABELS,
  type ValueReason,
} from '../vocabulary.js';

export interface BriefFacts extends ProspectProfile {
  valueReason: ValueReason | null;
  coachVerdict: CoachVerdictKind | null;
  stakeholders: string[];
  /** The latest material sent, and whether the prospect reviewed it. */
  material: { sent: string; reviewed: boolean | null } | null;
}

/** A fact that changes what the rep says on the call, in the method's order of importance. */
export type BriefFact =
  /** The plan carries no value reason the coach accepted: the rep must bring something first. */
  | { kind: 'no_value_reason' }
  | { kind: 'material_not_reviewed'; material: string }
  | { kind: 'material_review_unknown'; material: string }
  /** The single profile field that matters most among those still unknown. */
  | { kind: 'missing_field'; field: ProfileField }
  /** Only the contact so far: bring in a second stakeholder. */
  | { kind: 'single_threaded' }
  | { kind: 'hot_button'; hotButton: string };

export interface PreCallBrief {
  /** Why the prospect wants this call, in one line: the value reason and its detail; null when none was recorded. */
  reason: string | null;
  /** At most MAX_BRIEF_FACTS facts, most important first. */
  facts: BriefFact[];
}

/** A rep reads the brief between two calls: two facts are what a minute allows. */
export const MAX_BRIEF_FACTS = 2;

/**
 * What to have in mind before the call, from the method: the reason the prospect has to talk (the value reason
 * promised), then at most two facts that change what the rep says, most important first: a plan with no value
 * reason yet, material to go through together, the profile field that matters most (hot button, then decision
 * maker, purchasing process, budget), a second stakeholder to bring in, and the hot button when it is known.
 */
export function buildPreCallBrief(facts: BriefFacts): PreCallBrief {
  const reason = facts.valueReason ? VALUE_REASON_LABELS[facts.valueReason] : null;
  const candidates: (BriefFact | null)[] = [
    facts.coachVerdict === 'value' ? null : { kind: 'no_value_reason' },
    materialFact(facts.material),
    missingFieldFact(facts),
    facts.stakeholders.length === 0 ? { kind: 'single_threaded' } : null,
    facts.hotButton?.trim() ? { kind: 'hot_button', hotButton: facts.hotButton.trim() } : null,
  ];
  const chosen = candidates.filter((fact): fact is BriefFact => fact !== null);
  return { reason, facts: chosen.slice(0, MAX_BRIEF_FACTS) };
}

function materialFact(material: BriefFacts['material']): BriefFact | null {
  if (!material || material.reviewed === true) return null;
  return material.reviewed === false
    ? { kind: 'material_not_reviewed', material: material.sent }
    : { kind: 'material_review_unknown', material: material.sent };
}

function missingFieldFact(facts: ProspectProfile): BriefFact | null {
  const [field] = profileGaps(facts);
  return field ? { kind: 'missing_field', field } : null;
}

/** The profile fields still unknown, in the method's order of importance (PROFILE_FIELDS). */
export function profileGaps(facts: ProspectProfile): ProfileField[] {
  const known: Record<ProfileField, string | null> = {
    hot_button: facts.hotButton,
    decision_maker: facts.decisionMaker,
    purchasing_process: facts.purchasingProcess,
    budget: facts.budget,
  };
  return PROFILE_FIELDS.filter((field) => !known[field]?.trim());
}
