import { describe, expect, it } from 'vitest';
import { loadCoachReader } from '../../../src/coach-model/load-coach-reader.js';
import { type CoachInput, judgeNextStep } from '../../../src/domain/coach/index.js';

const reader = loadCoachReader();
const suggestionsFor = (plan: string, rest: Omit<CoachInput, 'plan'> = {}) =>
  judgeNextStep({ plan, ...rest }, reader).suggestions;

describe('suggestions fitted to the prospect', () => {
  it('suggests the compelling reasons tied to the hot button, cost first for a cost-driven prospect', () => {
    const [first] = suggestionsFor('just checking in', {
      prospect: { company: 'Acme', hotButton: 'lower running costs' },
    });
    expect(first).toMatch(
      /^Give Acme a reason tied to their hot button, "lower running costs": a price drop/,
    );
  });

  it('puts the warranty or maintenance contract first for a prospect worried about downtime', () => {
    const [first] = suggestionsFor('just checking in', { prospect: { hotButton: 'unplanned downtime' } });
    expect(first).toMatch(/"unplanned downtime": a warranty or maintenance contract running out/);
  });

  it('offers three compelling reasons from the method when the hot button is unknown', () => {
    const [first] = suggestionsFor('touch base');
    expect(first).toBe(
      'Bring a compelling reason: a warranty or maintenance contract running out, a new regulation they must meet or a new product.',
    );
  });

  it('suggests going through unreviewed material together, on the hot-button pages', () => {
    const [first] = suggestionsFor('Follow up to see if they have looked at the specs', {
      prospect: { materialSentNotReviewed: true, hotButton: 'faster month-end close' },
    });
    expect(first).toMatch(/go through it together, starting with the pages on "faster month-end close"/);
  });

  it('suggests a pressure-releasing message, by first name, when the prospect has gone dark', () => {
    const suggestions = suggestionsFor('Try calling again', {
      prospect: { contactName: 'Sue Miller', unansweredTouchesInRow: 4 },
    });
    expect(suggestions[0]).toMatch(/^4 touches unanswered: release the pressure/);
    expect(suggestions[0]).toMatch(/"Sue, I know we haven't been able to connect/);
  });

  it('does not call one unanswered touch going dark', () => {
    const suggestions = suggestionsFor('Try calling again', { prospect: { unansweredTouchesInRow: 1 } });
    expect(suggestions.join(' ')).not.toMatch(/release the pressure/);
  });

  it('suggests bringing in another stakeholder when the deal has one contact, unless the plan already does', () => {
    const single = { prospect: { contactName: 'Omar', stakeholderCount: 1 } };
    expect(suggestionsFor('just checking in', single).join(' ')).toMatch(/Omar is your only contact/);
    const withCfo = suggestionsFor('Bring in their CFO to review the 5-year cost comparison', single);
    expect(withCfo.join(' ')).not.toMatch(/only contact/);
  });

  it('suggests scheduling the call with them when the time was not agreed, without rejecting a good plan', () => {
    const verdict = judgeNextStep(
      {
        plan: 'Their support contract ends 15 Oct: explain the upgrade path to v6',
        agreedWithProspect: false,
        prospect: { contactName: 'Priya' },
      },
      reader,
    );
    expect(verdict.verdict).toBe('value');
    expect(verdict.suggestions).toContain(
      'Schedule the call with Priya: agree the time before you hang up and get it on both calendars, rather than calling back unannounced.',
    );
    expect(
      suggestionsFor('Their support contract ends 15 Oct', { agreedWithProspect: true }).join(' '),
    ).not.toMatch(/Schedule the call/);
  });

  it('names the profile gaps to fill', () => {
    const suggestions = suggestionsFor('Call back next month', {
      prospect: { lastOutcome: 'not_ready_yet', profileGaps: ['decision_maker', 'budget'] },
    });
    expect(suggestions[0]).toMatch(/"not ready yet": find out what will change by then/);
    expect(suggestions).toContain(
      'Fill the profile gaps (decision maker, budget) on this call: ask who makes the decision; what budget is planned, and if none, how they will fund it.',
    );
  });

  it('suggests revisiting a prospect who said no with news, not a check-in', () => {
    const suggestions = suggestionsFor('check in next year', { prospect: { lastOutcome: 'not_interested' } });
    expect(suggestions.join(' ')).toMatch(/revisit in six to twelve months with news/);
  });

  it('asks to tie a good plan to the hot button when it does not mention it', () => {
    const plan = 'Show the new X300 scanner, 40% faster than their X200';
    expect(suggestionsFor(plan, { prospect: { hotButton: 'fewer billing errors' } })).toContain(
      'Tie it to their hot button, "fewer billing errors": say what it changes for that.',
    );
    expect(suggestionsFor(plan, { prospect: { hotButton: 'faster scanning' } }).join(' ')).not.toMatch(
      /Tie it/,
    );
  });

  it('gives different suggestions for the same plan in different prospect contexts', () => {
    const plan = 'just checking in';
    const contexts: CoachInput['prospect'][] = [
      {},
      { hotButton: 'compliance with the new audit rules' },
      { materialSentNotReviewed: true },
      { unansweredTouchesInRow: 3, contactName: 'Ken' },
      { stakeholderCount: 1, contactName: 'Ana' },
    ];
    const lists = contexts.map((prospect) => JSON.stringify(suggestionsFor(plan, { prospect })));
    expect(new Set(lists).size).toBe(contexts.length);
  });
});
