/**
 * The sales vocabulary every layer shares: call outcomes, the compelling value reasons from the method,
 * prospect statuses and the parts of a prospect profile a rep is expected to fill.
 */

export const OUTCOMES = [
  'connected',
  'voicemail',
  'no_answer',
  'not_ready_yet',
  'not_interested',
  'sent_material',
  'meeting_booked',
  'won',
  'lost',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  connected: 'Connected',
  voicemail: 'Left a voicemail',
  no_answer: 'No answer',
  not_ready_yet: 'Not ready yet',
  not_interested: 'Not interested',
  sent_material: 'Sent material',
  meeting_booked: 'Meeting booked',
  won: 'Won',
  lost: 'Lost',
};

/** Outcomes where the prospect actually engaged: they reset the stall clock and the gone-dark count. */
export const REAL_CONTACT_OUTCOMES: ReadonlySet<Outcome> = new Set([
  'connected',
  'not_ready_yet',
  'meeting_booked',
  'sent_material',
  'won',
  'lost',
  'not_interested',
]);

/** Outcomes where nobody answered: they count toward "gone dark". */
export const UNANSWERED_OUTCOMES: ReadonlySet<Outcome> = new Set(['voicemail', 'no_answer']);

/** Outcomes that close the active deal: no next call is needed. */
export const CLOSING_OUTCOMES: ReadonlySet<Outcome> = new Set(['won', 'lost', 'not_interested']);

/** Closing outcomes where the prospect said no: they go on a second-chance date. */
export const SECOND_CHANCE_OUTCOMES: ReadonlySet<Outcome> = new Set(['lost', 'not_interested']);

/** The compelling reasons a scheduled call can carry (seed articles: warranty, regulation, price drop...). */
export const VALUE_REASONS = [
  'warranty_expiring',
  'contract_expiring',
  'new_regulation',
  'new_product',
  'price_drop',
  'special_offer',
  'better_system',
  'relevant_report',
  'review_material',
  'new_stakeholder',
  'other',
] as const;
export type ValueReason = (typeof VALUE_REASONS)[number];

export const VALUE_REASON_LABELS: Record<ValueReason, string> = {
  warranty_expiring: 'Warranty expiring',
  contract_expiring: 'Maintenance contract expiring',
  new_regulation: 'New regulation',
  new_product: 'New product',
  price_drop: 'Price drop',
  special_offer: 'Special offer',
  better_system: 'Better system available',
  relevant_report: 'Relevant report or article',
  review_material: 'Go through the material together',
  new_stakeholder: 'Bring in another stakeholder',
  other: 'Other value reason',
};

export const PROSPECT_STATUSES = ['active', 'nurture', 'not_interested', 'won', 'lost'] as const;
export type ProspectStatus = (typeof PROSPECT_STATUSES)[number];

export const PROSPECT_STAGES = ['new', 'qualifying', 'proposal', 'negotiation', 'closing'] as const;
export type ProspectStage = (typeof PROSPECT_STAGES)[number];

/** What the method says a rep must know about a prospect before the deal can move. */
export const PROFILE_FIELDS = ['hot_button', 'decision_maker', 'purchasing_process', 'budget'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** The profile a rep fills in as they learn it; null while unknown. */
export interface ProspectProfile {
  hotButton: string | null;
  decisionMaker: string | null;
  purchasingProcess: string | null;
  budget: string | null;
}

export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  hot_button: 'hot button',
  decision_maker: 'decision maker',
  purchasing_process: 'purchasing process',
  budget: 'budget',
};

export const NEXT_STEP_STATUSES = ['scheduled', 'done', 'cancelled', 'superseded'] as const;
export type NextStepStatus = (typeof NEXT_STEP_STATUSES)[number];

export const COACH_VERDICTS = ['value', 'vague'] as const;
export type CoachVerdictKind = (typeof COACH_VERDICTS)[number];

export const ROLES = ['rep', 'manager'] as const;
export type Role = (typeof ROLES)[number];
