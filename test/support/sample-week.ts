import {
  type BriefFacts,
  buildPreCallBrief,
  type PreCallBrief,
} from '../../src/domain/brief/pre-call-brief.js';
import type { ValueReason } from '../../src/domain/vocabulary.js';
import type { CallModel, DueListModel } from '../../src/slack/blocks/view-models.js';

/*
 * A normal week of Ana, a rep in New York, on Tuesday 1 December 2026: three calls (one overdue from Monday),
 * their pre-call briefs and the due list they make. The block tests check wording and Slack's limits on it,
 * and the screens script draws it, so what the docs show is what the tests hold.
 */

export const SAMPLE_ZONE = 'America/New_York';

/** A call of Ana's (UANA, in New York unless `timeZone` says otherwise), about a warranty that ends unless told. */
export function sampleCall(call: {
  id: number;
  dueAt: string | Date;
  contactName: string;
  company: string;
  plan: string;
  agreed?: boolean;
  valueReason?: ValueReason;
  timeZone?: string;
}): CallModel {
  return {
    step: {
      id: call.id,
      dueAt: new Date(call.dueAt),
      plan: call.plan,
      valueReason: call.valueReason ?? 'warranty_expiring',
      agreed: call.agreed ?? false,
    },
    prospect: { contactName: call.contactName, company: call.company },
    owner: { slackUserId: 'UANA', timeZone: call.timeZone ?? SAMPLE_ZONE },
  };
}

export const SAMPLE_CALLS: readonly CallModel[] = [
  sampleCall({
    id: 1,
    dueAt: '2026-11-30T14:00:00Z',
    contactName: 'Dana Reyes',
    company: 'Acme Tooling',
    plan: 'Go through the renewal quote for the two presses before the warranty ends',
    agreed: true,
  }),
  sampleCall({
    id: 2,
    dueAt: '2026-12-01T14:00:00Z',
    contactName: 'Sam Okafor',
    company: 'Brightline',
    plan: 'Show the new sensor kit that cuts their weekly downtime on line 2',
  }),
  sampleCall({
    id: 3,
    dueAt: '2026-12-01T19:30:00Z',
    contactName: 'Ines Moreau',
    company: 'Vega Logistics',
    plan: 'Bring the X200 price drop and updated lease numbers for their fleet',
    agreed: true,
    valueReason: 'price_drop',
  }),
];

/** What the app knows before Dana's call: a renewal quote sent, not yet reviewed. */
export const SAMPLE_BRIEF_FACTS: BriefFacts = {
  valueReason: 'warranty_expiring',
  coachVerdict: 'value',
  hotButton: null,
  decisionMaker: null,
  purchasingProcess: null,
  budget: null,
  stakeholders: [],
  material: { sent: 'renewal quote', reviewed: false },
};

/** The pre-call brief of each sample call, by next step id. */
export const SAMPLE_BRIEFS: ReadonlyMap<number, PreCallBrief> = new Map([
  [1, buildPreCallBrief(SAMPLE_BRIEF_FACTS)],
  [
    2,
    buildPreCallBrief({
      ...SAMPLE_BRIEF_FACTS,
      material: null,
      hotButton: 'downtime on line 2',
      stakeholders: ['Lee'],
    }),
  ],
  [
    3,
    buildPreCallBrief({
      ...SAMPLE_BRIEF_FACTS,
      valueReason: 'price_drop',
      material: null,
      hotButton: 'fuel cost',
    }),
  ],
]);

/** Ana's calls on Tuesday: Dana's overdue, Sam's and Ines's due today. */
export const SAMPLE_DUE: DueListModel = {
  day: '2026-12-01',
  timeZone: SAMPLE_ZONE,
  overdue: { rows: SAMPLE_CALLS.slice(0, 1), total: 1 },
  today: { rows: SAMPLE_CALLS.slice(1), total: 2 },
};
