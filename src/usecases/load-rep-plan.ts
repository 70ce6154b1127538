import type { Database } from '../db/client.js';
import { findDealPlan } from '../db/queries/deal-plan.js';
import { isOnTeam } from '../db/queries/teams.js';
import { isDealClosed } from '../domain/stalls/stall-rules.js';
import type { Outcome, ProspectProfile, ProspectStatus } from '../domain/vocabulary.js';
import { mayManage, type Requester } from './managers.js';

/** "The last few touches": enough to see the pattern of a deal without scrolling. */
const TOUCHES_SHOWN = 5;

export interface RepPlan {
  contactName: string;
  company: string;
  rep: { slackUserId: string; name: string };
  /** The manager's zone. */
  timeZone: string;
  nextStep: { dueAt: Date; agreed: boolean; plan: string } | null;
  profile: ProspectProfile;
  stakeholders: { name: string; title: string | null; isDecisionMaker: boolean }[];
  touches: { occurredAt: Date; outcome: Outcome; summary: string | null; touchType: 'value' | 'ask' }[];
}

export type RepPlanAccess =
  | { kind: 'plan'; plan: RepPlan }
  /** Not a manager, or not this rep's manager. */
  | { kind: 'forbidden' }
  | { kind: 'missing' }
  /** Won, lost or not interested since the digest listed it. */
  | { kind: 'closed'; contactName: string; company: string; status: ProspectStatus };

/**
 * A stalled deal's plan, for a manager of the rep who owns it (the team the digest covers): the prospect's
 * profile, the live next step, the people involved and the latest touches.
 */
export async function loadRepPlan(
  db: Database,
  params: { workspaceId: string; requester: Requester; prospectId: number; now: Date },
): Promise<RepPlanAccess> {
  const { workspaceId, requester } = params;
  if (!mayManage(requester)) return { kind: 'forbidden' };
  const deal = await findDealPlan(db, { workspaceId, prospectId: params.prospectId, touches: TOUCHES_SHOWN });
  if (!deal) return { kind: 'missing' };
  const { prospect, owner } = deal;
  const manages = await isOnTeam(db, { workspaceId, managerId: requester.person.id, personId: owner.id });
  if (!manages) return { kind: 'forbidden' };
  if (isDealClosed(prospect, params.now)) {
    return {
      kind: 'closed',
      contactName: prospect.contactName,
      company: prospect.company,
      status: prospect.status,
    };
  }
  return {
    kind: 'plan',
    plan: {
      contactName: prospect.contactName,
      company: prospect.company,
      rep: { slackUserId: owner.slackUserId, name: owner.displayName ?? owner.slackUserId },
      timeZone: requester.person.timeZone,
      nextStep: deal.nextStep,
      profile: {
        hotButton: prospect.hotButton,
        decisionMaker: prospect.decisionMaker,
        purchasingProcess: prospect.purchasingProcess,
        budget: prospect.budget,
      },
      stakeholders: deal.stakeholders,
      touches: deal.touches,
    },
  };
}
