import { describe, expect, it } from 'vitest';
import {
  type BriefFacts,
  buildPreCallBrief,
  describeGaps,
} from '../../../src/domain/brief/pre-call-brief.js';

const NOW = new Date('2025-06-10T08:30:00Z');
const facts: BriefFacts = {
  dueAt: new Date('2025-06-10T14:00:00Z'),
  plan: 'Go through the warranty report together before it expires in July',
  valueReason: 'warranty_expiring',
  valueDetail: 'expires 31 July',
  coachVerdict: 'value',
  hotButton: 'downtime on line 2',
  decisionMaker: null,
  purchasingProcess: null,
  budget: '40k',
  stakeholders: ['Sam (CFO)'],
  lastOutcome: 'sent_material',
  material: { sent: 'warranty report', reviewed: false },
};

describe('the pre-call brief', () => {
  it('gives the hot button, value reason and plan, material, last outcome, stakeholders and profile gaps', () => {
    const brief = buildPreCallBrief(facts, NOW);
    expect(brief.lines).toEqual([
      'Hot button: downtime on line 2',
      'Value reason: Warranty expiring (expires 31 July)',
      'Plan: Go through the warranty report together before it expires in July',
      'Material sent: warranty report (not reviewed yet: go through it together)',
      'Last outcome: Sent material',
      'Stakeholders: Sam (CFO)',
    ]);
    expect(describeGaps(brief.gaps)).toBe('Fill on this call: decision maker, purchasing process');
    expect(brief.coaching).toBeNull();
  });

  it('coaches a plan saved before the coach existed, and an overdue call', () => {
    expect(buildPreCallBrief({ ...facts, coachVerdict: null }, NOW).coaching).toMatch(
      /no clear value reason/,
    );
    const overdue = buildPreCallBrief({ ...facts, dueAt: new Date('2025-06-07T14:00:00Z') }, NOW);
    expect(overdue.coaching).toMatch(/^Overdue by 2 day/);
  });
});
