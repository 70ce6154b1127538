import { describe, expect, it } from 'vitest';
import type { Prospect } from '../../../src/db/queries/prospects.js';
import type { StalledDeal } from '../../../src/domain/digest/team-digest.js';
import { renderConfirmationMessage } from '../../../src/slack/blocks/confirmation.js';
import { renderDueListMessage } from '../../../src/slack/blocks/due-list.js';
import { renderHelpMessage } from '../../../src/slack/blocks/help.js';
import { renderHomeView } from '../../../src/slack/blocks/home.js';
import {
  renderRescheduleModal,
  renderSnoozePickDateModal,
} from '../../../src/slack/blocks/reschedule-modal.js';
import { findBlockKitViolations } from '../../support/block-kit-limits.js';
import { sampleCall } from '../../support/sample-week.js';

const NOW = new Date('2025-06-02T08:00:00Z');
const huge = (length: number) => 'Ω<&>'.repeat(Math.ceil(length / 4)).slice(0, length);

/** A call whose every text is as long as a rep may type it. */
const stepView = (id: number) =>
  sampleCall({
    id,
    dueAt: new Date(NOW.getTime() - id * 60_000),
    contactName: huge(150),
    company: huge(150),
    plan: huge(2000),
    agreed: id % 2 === 0,
    timeZone: 'Europe/Berlin',
  });

function prospect(id: number): Prospect {
  return {
    id,
    workspaceId: 'T1',
    ownerId: 1,
    contactName: huge(150),
    company: huge(150),
    nameKey: `${id}`,
    stage: 'new',
    status: 'lost',
    hotButton: huge(500),
    purchasingProcess: huge(500),
    decisionMaker: huge(500),
    budget: huge(500),
    pausedUntil: null,
    pauseReason: null,
    revisitAt: NOW,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

const page = <T>(count: number, make: (id: number) => T) => ({
  rows: Array.from({ length: Math.min(count, 50) }, (_, index) => make(index + 1)),
  total: count,
});

describe('Block Kit builders stay within Slack’s limits', () => {
  it('confirms a saved call with long texts, and a lost one with its revisit date', () => {
    const saved = renderConfirmationMessage(
      {
        prospect: { contactName: huge(150), company: huge(150) },
        outcome: 'connected',
        summary: huge(3000),
        nextStep: { id: 9, dueAt: NOW, agreed: true, valueReason: 'new_product', plan: huge(2000) },
        revisitAt: null,
        coachTip: huge(3000),
        timeZone: 'Asia/Kolkata',
      },
      { alreadySaved: false },
    );
    expect(findBlockKitViolations('message', saved)).toEqual([]);
    expect(saved.text).toContain('Mon 2 Jun, 13:30 IST');
    const lost = renderConfirmationMessage(
      {
        prospect: { contactName: 'Dana', company: 'Acme' },
        outcome: 'lost',
        summary: null,
        nextStep: null,
        revisitAt: new Date('2026-06-02T08:00:00Z'),
        coachTip: null,
        timeZone: 'UTC',
      },
      { alreadySaved: true },
    );
    expect(lost.text).toMatch(/Already saved.*Tue 2 Jun 2026/);
  });

  it('lists 500 due calls in one message by summarising the rest', () => {
    const message = renderDueListMessage({
      day: '2025-06-02',
      timeZone: 'Europe/Berlin',
      overdue: page(500, stepView),
      today: page(500, (id) => stepView(id + 1000)),
    });
    expect(findBlockKitViolations('message', message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('and 491 more');
  });

  const stalledDeal = (id: number): StalledDeal => ({
    deal: {
      prospectId: id,
      ownerId: 1,
      contactName: huge(3000),
      company: huge(3000),
      status: 'active',
      createdAt: new Date('2025-01-01T00:00:00Z'),
      pausedUntil: null,
      pauseReason: null,
      revisitAt: null,
      lastRealContactAt: null,
      recentOutcomes: ['voicemail', 'no_answer', 'voicemail'],
      valueTouches: 0,
      askTouches: 3,
      stakeholderCount: 0,
      nextStep: { dueAt: new Date('2025-05-01T09:00:00Z'), agreed: false, snoozeCount: 4 },
    },
    reasons: [
      { kind: 'overdue_step', days: 32 },
      { kind: 'gone_dark', unanswered: 3 },
      { kind: 'single_threaded' },
      { kind: 'mostly_asks', valuePercent: 0 },
      { kind: 'snoozed', times: 4 },
    ],
  });

  it('builds a Home tab for 500 calls and 500 prospects', () => {
    const view = renderHomeView({
      day: '2025-06-02',
      timeZone: 'Europe/Berlin',
      overdue: page(500, stepView),
      today: page(500, (id) => stepView(id + 1000)),
      stalled: page(500, stalledDeal),
      revisit: page(500, (id) => prospect(id + 1000)),
    });
    expect(findBlockKitViolations('home', view)).toEqual([]);
  });

  it('shows each stalled deal’s next call on the Home tab, or that none is planned', () => {
    const empty = { rows: [], total: 0 };
    const planned = stalledDeal(1);
    const unplanned: StalledDeal = { ...stalledDeal(2), deal: { ...stalledDeal(2).deal, nextStep: null } };
    const view = renderHomeView({
      day: '2025-06-02',
      timeZone: 'Europe/Berlin',
      overdue: empty,
      today: empty,
      stalled: { rows: [planned, unplanned], total: 2 },
      revisit: empty,
    });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('next call Thu 1 May, 11:00');
    expect(text).toContain('no next call planned');
  });

  it('builds an empty Home tab and an empty due list', () => {
    const empty = { rows: [], total: 0 };
    const model = { day: '2025-06-02', timeZone: 'UTC', overdue: empty, today: empty };
    expect(
      findBlockKitViolations('home', renderHomeView({ ...model, stalled: empty, revisit: empty })),
    ).toEqual([]);
    expect(renderDueListMessage(model).text).toMatch(/No calls due today/);
  });

  it('builds the help, reschedule and snooze modals', () => {
    expect(
      findBlockKitViolations(
        'message',
        renderHelpMessage([{ usage: '/followup due', description: 'x' }], huge(5000)),
      ),
    ).toEqual([]);
    const target = {
      nextStepId: 3,
      contactName: huge(150),
      company: huge(150),
      dueLabel: 'Mon 2 Jun, 10:00',
      fromHome: true,
    };
    expect(findBlockKitViolations('modal', renderRescheduleModal({ ...target, dueAt: NOW }))).toEqual([]);
    expect(
      findBlockKitViolations('modal', renderSnoozePickDateModal({ ...target, dueDay: '2025-06-02' })),
    ).toEqual([]);
  });
});
