import type { PreCallBrief } from '../../domain/brief/pre-call-brief.js';
import type { StalledDeal, TeamDigest } from '../../domain/digest/team-digest.js';
import type { Outcome, ProspectProfile, ValueReason } from '../../domain/vocabulary.js';

/*
 * What the builders read. Use cases and queries return richer records; these name only what a message shows,
 * so a builder cannot reach for a column or a use case, and any record that fits is passed as it is.
 */

/**
 * The message a call's button was pressed in, carried in the private_metadata of the modal the button opened,
 * so the message can be settled once the modal is saved.
 */
export interface PressedMessage {
  channel: string;
  ts: string;
}

/** A call as a list line shows it. */
export interface CallStep {
  id: number;
  dueAt: Date;
  plan: string;
  valueReason: ValueReason | null;
  agreed: boolean;
}

export interface CallModel {
  step: CallStep;
  prospect: { contactName: string; company: string };
  owner: { slackUserId: string; timeZone: string };
}

/** The first rows of a list and how many it holds in all. */
export interface Page<Row> {
  rows: readonly Row[];
  total: number;
}

/** Calls due today and overdue, by the reader's calendar day (YYYY-MM-DD) in their zone. */
export interface DueListModel {
  day: string;
  timeZone: string;
  overdue: Page<CallModel>;
  today: Page<CallModel>;
}

export interface DueCallDmModel {
  due: DueListModel;
  /** The pre-call brief of each listed call, by next step id. */
  briefs: ReadonlyMap<number, PreCallBrief>;
  /** Sent after the rep's local noon (their first day, or a run missed this morning): a catch-up, not a good morning. */
  afternoon: boolean;
}

export interface CallReminderModel {
  row: CallModel;
  brief: PreCallBrief;
}

export interface RevisitModel {
  id: number;
  contactName: string;
  company: string;
  hotButton: string | null;
  revisitAt: Date | null;
}

export interface HomeTabModel extends DueListModel {
  stalled: Page<StalledDeal>;
  revisit: Page<RevisitModel>;
}

export interface DigestModel {
  /** The workspace's team id, for links that open a DM with a rep. */
  teamId: string;
  /** The manager's zone, for the dates in the digest. */
  timeZone: string;
  managerSlackUserId: string;
  digest: TeamDigest;
  /** Slack user id of each rep, for mentions. */
  slackUserIds: ReadonlyMap<number, string>;
  late: boolean;
}

export interface ConfirmationModel {
  prospect: { contactName: string; company: string };
  outcome: Outcome;
  summary: string | null;
  nextStep: CallStep | null;
  revisitAt: Date | null;
  /** The coach's first suggestion for an accepted plan; null when none. */
  coachTip: string | null;
  timeZone: string;
}

/** An agreed call, as the calendar invite the rep forwards to the prospect shows it. */
export interface CallInviteModel {
  workspaceId: string;
  step: { id: number; dueAt: Date; plan: string; timeRevision: number };
  prospect: { contactName: string; company: string };
  /** Who agreed the call with the prospect and forwards the invite; null when Slack gave no name. */
  repName: string | null;
}

/** A deal as the manager's read-only "plan" view shows it. */
export interface RepPlanModel {
  contactName: string;
  company: string;
  rep: { slackUserId: string; name: string };
  /** The manager's zone, for every time shown. */
  timeZone: string;
  /** The live next step; null when the deal has none. */
  nextStep: { dueAt: Date; agreed: boolean; plan: string } | null;
  profile: ProspectProfile;
  stakeholders: readonly { name: string; title: string | null; isDecisionMaker: boolean }[];
  /** The latest touches, newest first; the first is the latest outcome. */
  touches: readonly {
    occurredAt: Date;
    outcome: Outcome;
    summary: string | null;
    touchType: 'value' | 'ask';
  }[];
}
