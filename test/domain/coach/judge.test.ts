import { describe, expect, it } from 'vitest';
import { loadCoachReader } from '../../../src/coach-model/load-coach-reader.js';
import {
  type CoachInput,
  explainNextStep,
  judgeNextStep,
  PLAN_MAX_LENGTH,
} from '../../../src/domain/coach/index.js';

const reader = loadCoachReader();
const judge = (plan: string, rest: Omit<CoachInput, 'plan'> = {}) => judgeNextStep({ plan, ...rest }, reader);

describe('refusing vague plans', () => {
  it("refuses 'just checking in' with a short reason and a concrete suggestion", () => {
    const { verdict, reasons, suggestions } = judge('Just checking in');
    expect(verdict).toBe('vague');
    expect(reasons[0]).toMatch(/check-in asks for their time/);
    expect(suggestions[0]).toMatch(/^Bring a compelling reason/);
  });

  it.each([
    'Any update?',
    'f/u re pricing',
    'chk in w/ Bob nxt wk',
    'Call Friday 3pm to check in',
    'circle back after the holidays',
    'Hi Tom, just following up on my previous email to see if you had a chance to look at the proposal.',
  ])('refuses a cliché however it is dressed: %s', (plan) => {
    expect(judge(plan).verdict).toBe('vague');
  });

  it.each([
    "We're better, faster and cheaper than what you have today.",
    'I know we can save you time and money.',
  ])('refuses a generic claim about us: %s', (plan) => {
    expect(judge(plan).verdict).toBe('vague');
  });

  it('refuses pressure to sign, whatever else the plan says', () => {
    const { verdict, reasons } = judge(
      'Push them to sign before quarter end, the 12% discount goes away Friday',
    );
    expect(verdict).toBe('vague');
    expect(reasons[0]).toMatch(/pressure makes prospects pull away/);
  });
});

describe('accepting plans that carry value', () => {
  it.each([
    'Their Dell R740 warranty expires on 30 June: offer the 3-year extended cover before it lapses.',
    'New VAT rules take effect 1 January; show how the invoicing module handles the new format.',
    'Go through the proposal together on Thursday, page by page.',
    'Bring in their CFO to review the 5-year cost comparison.',
    "I'll send the three case studies Thursday and we'll go through them Friday at 2.",
    'Usage dropped 40% since March: walk them through the two reports nobody opens any more.',
    "You're at 45K of your 50K API calls this month; show the next tier before overage kicks in.",
  ])('accepts a compelling reason: %s', (plan) => {
    expect(judge(plan).verdict).toBe('value');
  });
});

describe('the prospect who has gone dark', () => {
  const note =
    "Sue, I know we haven't been able to connect and I understand how busy you are. No need to call back; if I missed anything you expected, I apologise.";

  it("accepts a pressure-releasing note once the workspace's gone-dark threshold is reached", () => {
    expect(judge(note, { prospect: { unansweredTouchesInRow: 3 } }).verdict).toBe('value');
  });

  it('refuses the same note for a prospect who still answers: it gives them nothing', () => {
    expect(judge(note, { prospect: { unansweredTouchesInRow: 1 } }).verdict).toBe('vague');
    expect(judge(note).verdict).toBe('vague');
  });

  it("reads the workspace's own threshold", () => {
    const prospect = { unansweredTouchesInRow: 3, goneDarkAfterUnanswered: 5 };
    expect(judge(note, { prospect }).verdict).toBe('vague');
    expect(judge(note, { prospect: { ...prospect, unansweredTouchesInRow: 5 } }).verdict).toBe('value');
  });

  it('does not let an apology carry a plan that also asks whether they are still interested', () => {
    const plan = 'Sorry to chase, I know how busy you are. Are you still interested?';
    expect(judge(plan, { prospect: { unansweredTouchesInRow: 4 } }).verdict).toBe('vague');
  });
});

describe('real input', () => {
  it('refuses an empty or whitespace-only plan with a clear message', () => {
    for (const plan of ['', '   \n\t']) {
      const { verdict, reasons } = judge(plan);
      expect(verdict).toBe('vague');
      expect(reasons[0]).toMatch(/^Write what you will bring them/);
    }
  });

  it('refuses a plan over the length limit and states the limit', () => {
    const { verdict, reasons } = judge(`Their warranty ends 30 June. ${'x'.repeat(PLAN_MAX_LENGTH)}`);
    expect(verdict).toBe('vague');
    expect(reasons[0]).toContain(String(PLAN_MAX_LENGTH));
  });

  it('keeps the refusal to one short sentence a busy rep reads', () => {
    for (const plan of ['just checking in', 'we are the market leader', 'x'.repeat(PLAN_MAX_LENGTH + 1)]) {
      const [reason] = judge(plan, { prospect: { contactName: 'Maria Lopez' } }).reasons;
      expect(reason?.length ?? 0, plan).toBeLessThanOrEqual(120);
    }
  });

  it('gives the same verdict every time', () => {
    const input = { plan: 'f/u re the warranty on their 8 printers, ends 31 March' };
    expect(judgeNextStep(input, reader)).toEqual(judgeNextStep(input, reader));
  });
});

describe('explaining a verdict', () => {
  it('names the rule that decided a bare cliché', () => {
    const evidence = explainNextStep({ plan: 'touch base next week' }, reader);
    expect(evidence).toMatchObject({ verdict: 'vague', decidedBy: 'rule', rule: 'check-in' });
  });

  it("gives the model's probability, its threshold and the words that weighed most", () => {
    const evidence = explainNextStep(
      { plan: 'Their support contract ends 15 Oct: show the renewal options' },
      reader,
    );
    expect(evidence.decidedBy).toBe('model');
    expect(evidence.probability).toBeGreaterThanOrEqual(evidence.threshold);
    expect(evidence.words.length).toBeGreaterThan(0);
    expect(evidence.modelVersion).toMatch(/^coach-/);
  });
});
