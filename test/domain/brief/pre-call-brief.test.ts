import { describe, expect, it } from 'vitest';
import { type BriefFacts, buildPreCallBrief } from '../../../src/domain/brief/pre-call-brief.js';

const facts: BriefFacts = {
  valueReason: 'warranty_expiring',
  coachVerdict: 'value',
  hotButton: 'downtime on line 2',
  decisionMaker: null,
  purchasingProcess: null,
  budget: '40k',
  stakeholders: ['Sam (CFO)'],
  material: { sent: 'warranty report', reviewed: false },
};

describe('the pre-call brief', () => {
  it('gives the reason in one line and at most two facts, material to go through first', () => {
    const brief = buildPreCallBrief(facts);
    expect(brief.reason).toBe('Warranty expiring');
    expect(brief.facts).toEqual([
      { kind: 'material_not_reviewed', material: 'warranty report' },
      { kind: 'missing_field', field: 'decision_maker' },
    ]);
  });

  it('names only the missing profile field that matters most, hot button first', () => {
    const brief = buildPreCallBrief({ ...facts, material: null, hotButton: null, budget: null });
    expect(brief.facts).toEqual([{ kind: 'missing_field', field: 'hot_button' }]);
  });

  it('puts a plan with no value reason first, then a second stakeholder to bring in', () => {
    const brief = buildPreCallBrief({
      ...facts,
      coachVerdict: null,
      valueReason: null,
      material: { sent: 'price list', reviewed: true },
      decisionMaker: 'Ines',
      purchasingProcess: 'two quotes',
      stakeholders: [],
    });
    expect(brief.reason).toBeNull();
    expect(brief.facts).toEqual([{ kind: 'no_value_reason' }, { kind: 'single_threaded' }]);
  });

  it('says what they care about when nothing more pressing is known', () => {
    const brief = buildPreCallBrief({
      ...facts,
      material: null,
      decisionMaker: 'Ines',
      purchasingProcess: 'two quotes',
    });
    expect(brief.facts).toEqual([{ kind: 'hot_button', hotButton: 'downtime on line 2' }]);
  });
});
