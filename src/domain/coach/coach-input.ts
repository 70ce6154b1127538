import type { Outcome, ProfileField, ValueReason } from '../vocabulary.js';

/** Characters; the Slack modal's plan input uses the same max_length. */
export const PLAN_MAX_LENGTH = 2000;

/** What we know of the prospect when the rep plans the next step. Every field is optional: unknown is normal. */
export interface ProspectContext {
  company?: string | null;
  contactName?: string | null;
  hotButton?: string | null;
  lastOutcome?: Outcome | null;
  materialSentNotReviewed?: boolean;
  stakeholderCount?: number;
  unansweredTouchesInRow?: number;
  profileGaps?: ProfileField[];
  /** The workspace's gone-dark threshold; the method's default when not given. */
  goneDarkAfterUnanswered?: number;
}

export interface CoachInput {
  /** The next step as the rep typed it. */
  plan: string;
  /** The category picked from the list, if any. */
  valueReason?: ValueReason | null;
  /** Whether the prospect agreed to the next call time; undefined when the rep did not say. */
  agreedWithProspect?: boolean;
  prospect?: ProspectContext;
}

export interface CoachVerdict {
  verdict: 'value' | 'vague';
  /** Vague, but close: the plan names a topic and misses the one detail that would make it a reason. */
  unsure: boolean;
  /** Most useful first: the first one is shown as the modal field error. */
  reasons: string[];
  /** Most useful first, specific to the prospect context. */
  suggestions: string[];
}
