import { describe, expect, it } from 'vitest';
import {
  FIRST_VIEW_MAX_INPUTS,
  logModalMetadata,
  NO_MORE_ANSWERS,
  PRIVATE_METADATA_MAX_LENGTH,
  prospectOptions,
  readProspectOption,
  renderLogModal,
  renderLogModalFrom,
  renderMoreAboutThemView,
  splitTypedProspect,
} from '../../../src/slack/blocks/log-modal.js';
import { findBlockKitViolations } from '../../support/block-kit-limits.js';

/** Wednesday 4 June 2025, 10:00 in Berlin: two business days after a Monday log. */
const WEDNESDAY_10 = new Date('2025-06-04T08:00:00Z');

const dana = { id: 7, contactName: 'Dana Scully', company: 'Acme Logistics', status: 'active' as const };

type Block = { type: string; block_id?: string; element?: Record<string, unknown>; label?: { text: string } };
const inputsOf = (view: { blocks: unknown[] }) =>
  (view.blocks as Block[]).filter((block) => block.type === 'input');

/** A rep logging the call they planned with Dana, from the "Log outcome" button of their morning DM. */
function firstViewForDana() {
  return renderLogModal({
    prospect: dana,
    typedName: '',
    summary: '',
    fromHome: false,
    nextCallAt: WEDNESDAY_10,
    plannedCall: {
      id: 9,
      contactName: 'Dana Scully',
      company: 'Acme Logistics',
      dueLabel: 'Mon 2 Jun, 10:00',
      plan: 'Their Dell R740 warranty ends 14 June: walk Dana through the renewal quote',
      valueReason: 'warranty_expiring',
      agreed: true,
    },
  });
}

describe('the log modal', () => {
  it(`asks at most ${FIRST_VIEW_MAX_INPUTS} questions in its first view, keeping the block ids scripts fill`, () => {
    for (const view of [
      firstViewForDana(),
      renderLogModal({ prospect: null, typedName: 'dana', summary: '', fromHome: false, nextCallAt: null }),
    ]) {
      const inputs = inputsOf(view);
      expect(inputs.length).toBeLessThanOrEqual(FIRST_VIEW_MAX_INPUTS);
      expect(inputs.map((block) => block.block_id)).toEqual(
        expect.arrayContaining(['prospect', 'outcome', 'next_call_at', 'agreed', 'plan']),
      );
      expect(findBlockKitViolations('modal', view)).toEqual([]);
    }
  });

  it('starts with the prospect picked, the next call two business days ahead, and says what is required', () => {
    const view = firstViewForDana();
    const [who, outcome, nextCall, , plan, reason] = inputsOf(view);
    expect(who?.element).toMatchObject({
      type: 'external_select',
      initial_option: { text: { text: 'Dana Scully · Acme Logistics' }, value: 'prospect:7' },
    });
    expect(nextCall?.element).toMatchObject({ initial_date_time: WEDNESDAY_10.getTime() / 1000 });
    for (const required of [who, outcome, nextCall]) expect(required?.label?.text).toMatch(/required/);
    // The coach does not name the kind of reason itself yet, so the pick stays, optional, under the plan.
    expect(plan?.block_id).toBe('plan');
    expect(reason).toMatchObject({ block_id: 'value_reason', optional: true });
    expect(JSON.stringify(view.blocks)).toContain('You planned');
  });

  it('offers "/followup log dana" as a new prospect only when the rep has no Dana', () => {
    const view = renderLogModal({
      prospect: null,
      typedName: 'dana',
      summary: '',
      fromHome: false,
      nextCallAt: null,
    });
    expect(inputsOf(view)[0]?.element).toMatchObject({
      initial_option: { text: { text: 'New prospect: dana' }, value: 'new:dana|' },
    });
  });

  it('asks "More about them" only for what is not known of the prospect, one short line each', () => {
    const root = logModalMetadata({
      prospect: dana,
      typedName: '',
      summary: '',
      fromHome: false,
      nextCallAt: WEDNESDAY_10,
    });
    const known = renderMoreAboutThemView({
      rootViewId: 'V0ROOT',
      root,
      prospect: {
        contactName: 'Dana Scully',
        company: 'Acme Logistics',
        hotButton: 'No unplanned downtime at the Leipzig depot',
        decisionMaker: null,
        purchasingProcess: null,
        budget: null,
      },
    });
    expect(findBlockKitViolations('modal', known)).toEqual([]);
    const asked = inputsOf(known).map((block) => block.block_id);
    expect(asked).toEqual([
      'decision_maker',
      'purchasing_process',
      'budget',
      'summary',
      'material_sent',
      'stakeholders',
    ]);
    expect(JSON.stringify(known.blocks)).toContain('No unplanned downtime');
    for (const block of inputsOf(known).slice(0, 3))
      expect(block.element?.max_length).toBeLessThanOrEqual(100);

    const fresh = renderMoreAboutThemView({
      rootViewId: 'V0ROOT',
      root: logModalMetadata({
        prospect: null,
        typedName: 'Omar, Globex',
        summary: '',
        fromHome: false,
        nextCallAt: null,
      }),
      prospect: null,
    });
    const company = inputsOf(fresh)[0];
    expect(company).toMatchObject({ block_id: 'company', element: { initial_value: 'Globex' } });
    expect(inputsOf(fresh).map((block) => block.block_id)).toContain('hot_button');
  });

  it('carries every "More about them" answer at its longest back to the first view within Slack’s 3000 characters', () => {
    const longest = {
      company: 'c'.repeat(150),
      summary: 's'.repeat(1000),
      hotButton: 'h'.repeat(100),
      decisionMaker: 'd'.repeat(100),
      purchasingProcess: 'p'.repeat(100),
      budget: 'b'.repeat(100),
      materialSent: 'm'.repeat(150),
      stakeholders: 'o'.repeat(200),
    };
    const root = logModalMetadata({
      prospect: null,
      typedName: `${'n'.repeat(90)}, ${'f'.repeat(60)}`,
      summary: '',
      fromHome: true,
      nextCallAt: WEDNESDAY_10,
      plannedCall: {
        id: 1,
        contactName: 'n'.repeat(150),
        company: 'f'.repeat(150),
        dueLabel: 'Wed 4 Jun, 10:00',
        plan: 'x'.repeat(2000),
        valueReason: 'other',
        agreed: false,
      },
    });
    const view = renderLogModalFrom({ ...root, more: longest });
    expect(view.private_metadata?.length).toBeLessThanOrEqual(PRIVATE_METADATA_MAX_LENGTH);
    expect(findBlockKitViolations('modal', view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).toContain('More about them:');
    const more = renderMoreAboutThemView({
      rootViewId: 'V0ROOT',
      root: { ...root, more: longest },
      prospect: null,
    });
    expect(findBlockKitViolations('modal', more)).toEqual([]);
  });

  it('answers the typeahead with the rep’s matching prospects first and a clear new-prospect choice last', () => {
    const options = prospectOptions('dana', [
      dana,
      { id: 8, contactName: 'Dana Ng', company: '', status: 'lost' },
    ]);
    expect(options.map((option) => option.text.text)).toEqual([
      'Dana Scully · Acme Logistics',
      'Dana Ng · lost',
      'New prospect: dana',
    ]);
    const long = prospectOptions('x'.repeat(400), []);
    expect(long[0]?.value?.length).toBeLessThanOrEqual(150);
    expect(long[0]?.text.text.length).toBeLessThanOrEqual(75);
    expect(readProspectOption(options[0]?.value ?? '')).toEqual({ kind: 'known', prospectId: 7 });
    expect(readProspectOption('new:Omar|Globex')).toEqual({
      kind: 'new',
      contactName: 'Omar',
      company: 'Globex',
    });
    expect(readProspectOption('prospect:abc')).toBeUndefined();
    expect(prospectOptions('  ', [])).toEqual([]);
  });

  it('reads a new prospect typed as "Name, Company", "Name (Company)" or "Name at Company"', () => {
    for (const typed of ['Omar Haddad, Globex', 'Omar Haddad (Globex)', 'Omar Haddad at Globex']) {
      expect(splitTypedProspect(typed)).toEqual({ contactName: 'Omar Haddad', company: 'Globex' });
    }
    expect(splitTypedProspect('  Omar  ')).toEqual({ contactName: 'Omar', company: '' });
  });

  it('draws the same inputs again from its metadata, so Slack keeps what the rep typed', () => {
    const first = firstViewForDana();
    const again = renderLogModalFrom({
      ...JSON.parse(first.private_metadata ?? '{}'),
      more: { ...NO_MORE_ANSWERS, budget: '40k in Q3' },
    });
    const ids = (view: { blocks: unknown[] }) =>
      inputsOf(view).map((block) => `${block.block_id}/${String(block.element?.action_id)}`);
    expect(ids(again)).toEqual(ids(first));
    expect(JSON.stringify(again.blocks)).toContain('budget: 40k in Q3');
  });
});
