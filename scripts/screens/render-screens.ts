/**
 * `npm run screens`: renders each surface of the app from its Block Kit builder, with the data a rep and a
 * manager see in a normal week, to docs/screens/*.png through headless Chromium (Debian's `chromium`, or
 * CHROMIUM_PATH). Look at them after changing a builder: a surface that reads badly shows here first.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { DealFacts } from '../../src/domain/stalls/stall-rules.js';
import { renderCallReminder } from '../../src/slack/blocks/call-reminder.js';
import { renderConfirmationMessage } from '../../src/slack/blocks/confirmation.js';
import { renderDigestMessage } from '../../src/slack/blocks/digest.js';
import { renderDueCallDm } from '../../src/slack/blocks/due-call-dm.js';
import { renderHelpMessage } from '../../src/slack/blocks/help.js';
import { renderHomeView } from '../../src/slack/blocks/home.js';
import {
  logModalMetadata,
  renderLogModal,
  renderMoreAboutThemView,
} from '../../src/slack/blocks/log-modal.js';
import { renderRepPlanModal } from '../../src/slack/blocks/rep-plan-modal.js';
import type { CallModel } from '../../src/slack/blocks/view-models.js';
import { SUBCOMMANDS } from '../../src/slack/listeners/commands/index.js';
import { SAMPLE_BRIEFS, SAMPLE_CALLS, SAMPLE_DUE, SAMPLE_ZONE } from '../../test/support/sample-week.js';
import { renderSurface, type Surface } from './block-kit-html.js';

const OUT = 'docs/screens';

const deal = (
  prospectId: number,
  contactName: string,
  company: string,
  extra: Partial<DealFacts> = {},
): DealFacts => ({
  prospectId,
  ownerId: 1,
  contactName,
  company,
  status: 'active',
  createdAt: new Date('2026-09-01T00:00:00Z'),
  pausedUntil: null,
  pauseReason: null,
  revisitAt: null,
  lastRealContactAt: new Date('2026-11-10T00:00:00Z'),
  recentOutcomes: ['voicemail', 'no_answer', 'voicemail', 'connected'],
  valueTouches: 2,
  askTouches: 3,
  stakeholderCount: 0,
  nextStep: null,
  ...extra,
});

const names = { UANA: 'Ana Lopez', UBEN: 'Ben Carter', UMGR: 'Maya (sales lead)', CSALES: 'sales-digest' };

const log = logModalMetadata({
  prospect: { id: 2, contactName: 'Sam Okafor', company: 'Brightline' },
  typedName: '',
  summary: '',
  fromHome: false,
  nextCallAt: new Date('2026-12-03T14:00:00Z'),
});

const surfaces: Record<string, Surface> = {
  'morning-dm': {
    kind: 'message',
    payload: { ...renderDueCallDm({ due: SAMPLE_DUE, briefs: SAMPLE_BRIEFS, afternoon: false }) },
    names,
    timeZone: SAMPLE_ZONE,
  },
  reminder: {
    kind: 'message',
    payload: {
      ...renderCallReminder(
        { row: SAMPLE_CALLS[1] as CallModel, brief: SAMPLE_BRIEFS.get(2) ?? { reason: null, facts: [] } },
        new Date('2026-12-01T13:45:00Z'),
      ),
    },
    names,
    timeZone: SAMPLE_ZONE,
  },
  confirmation: {
    kind: 'message',
    payload: {
      ...renderConfirmationMessage(
        {
          prospect: { contactName: 'Sam Okafor', company: 'Brightline' },
          outcome: 'connected',
          summary: 'Downtime on line 2 costs them a shift a week; Lee in maintenance decides on sensors.',
          nextStep: {
            id: 9,
            dueAt: new Date('2026-12-03T14:00:00Z'),
            agreed: true,
            valueReason: 'new_product',
            plan: 'Show Lee the sensor kit running on a line like theirs',
          },
          revisitAt: null,
          coachTip: null,
          timeZone: SAMPLE_ZONE,
        },
        { alreadySaved: false },
      ),
    },
    names,
    timeZone: SAMPLE_ZONE,
  },
  digest: {
    kind: 'message',
    payload: {
      ...renderDigestMessage({
        teamId: 'T1',
        timeZone: SAMPLE_ZONE,
        managerSlackUserId: 'UMGR',
        late: false,
        slackUserIds: new Map([
          [1, 'UANA'],
          [2, 'UBEN'],
        ]),
        digest: {
          stalledCount: 2,
          ownerLeft: [],
          reps: [
            {
              repId: 1,
              name: 'Ana',
              completionPercent: 80,
              agreedPercent: 60,
              rejectedPercent: 20,
              stalled: [
                {
                  deal: deal(1, 'Dana Reyes', 'Acme Tooling'),
                  reasons: [{ kind: 'gone_dark', unanswered: 3 }],
                },
                {
                  deal: deal(2, 'Kim Park', 'Northwind'),
                  reasons: [
                    { kind: 'no_touch', days: 21 },
                    { kind: 'mostly_asks', valuePercent: 40 },
                  ],
                },
              ],
              notes: [
                { deal: deal(3, 'Ines Moreau', 'Vega Logistics'), reasons: [{ kind: 'single_threaded' }] },
              ],
              paused: [
                {
                  deal: deal(4, 'Tom Berg', 'Fjord Foods'),
                  until: new Date('2027-01-11T05:00:00Z'),
                  reason: 'buyer on leave until January',
                },
              ],
            },
            {
              repId: 2,
              name: 'Ben',
              completionPercent: null,
              agreedPercent: null,
              rejectedPercent: null,
              stalled: [],
              notes: [],
              paused: [],
            },
          ],
        },
      }),
    },
    names,
    timeZone: SAMPLE_ZONE,
  },
  home: {
    kind: 'home',
    payload: {
      ...renderHomeView({
        ...SAMPLE_DUE,
        stalled: {
          rows: [{ deal: deal(2, 'Kim Park', 'Northwind'), reasons: [{ kind: 'no_touch', days: 21 }] }],
          total: 1,
        },
        revisit: {
          rows: [
            {
              id: 5,
              contactName: 'Olga Ruiz',
              company: 'Sol Energy',
              hotButton: 'grid fees',
              revisitAt: new Date('2026-12-14T14:00:00Z'),
            },
          ],
          total: 1,
        },
      }),
    },
    names,
    timeZone: SAMPLE_ZONE,
  },
  help: {
    kind: 'message',
    payload: { ...renderHelpMessage([...SUBCOMMANDS]) },
    names,
    timeZone: SAMPLE_ZONE,
  },
  'log-modal': {
    kind: 'modal',
    payload: {
      ...renderLogModal({
        prospect: { id: 2, contactName: 'Sam Okafor', company: 'Brightline' },
        typedName: '',
        summary: '',
        fromHome: false,
        nextCallAt: new Date('2026-12-03T14:00:00Z'),
      }),
    },
    names,
    timeZone: SAMPLE_ZONE,
  },
  'log-modal-more-about-them': {
    kind: 'modal',
    payload: {
      ...renderMoreAboutThemView({
        rootViewId: 'V1',
        root: log,
        prospect: {
          contactName: 'Sam Okafor',
          company: 'Brightline',
          hotButton: 'downtime on line 2',
          decisionMaker: null,
          purchasingProcess: null,
          budget: null,
        },
      }),
    },
    names,
    timeZone: SAMPLE_ZONE,
  },
  'rep-plan': {
    kind: 'modal',
    payload: {
      ...renderRepPlanModal({
        contactName: 'Dana Reyes',
        company: 'Acme Tooling',
        rep: { slackUserId: 'UANA', name: 'Ana Lopez' },
        timeZone: SAMPLE_ZONE,
        nextStep: {
          dueAt: new Date('2026-11-30T14:00:00Z'),
          agreed: false,
          plan: 'Go through the renewal quote for the two presses before the warranty ends',
        },
        profile: {
          hotButton: 'downtime on line 2',
          decisionMaker: null,
          purchasingProcess: null,
          budget: '40k this quarter',
        },
        stakeholders: [],
        touches: [
          {
            occurredAt: new Date('2026-11-24T15:00:00Z'),
            outcome: 'voicemail',
            summary: null,
            touchType: 'ask',
          },
          {
            occurredAt: new Date('2026-11-17T15:00:00Z'),
            outcome: 'no_answer',
            summary: 'Tried the mobile too',
            touchType: 'ask',
          },
          {
            occurredAt: new Date('2026-11-10T15:00:00Z'),
            outcome: 'connected',
            summary: 'Warranty on both presses ends 31 Jan; she wants the quote before budget review',
            touchType: 'value',
          },
        ],
      }),
    },
    names,
    timeZone: SAMPLE_ZONE,
  },
};

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--font-render-hinting=none'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 760, height: 100 }, deviceScaleFactor: 1 });
    for (const [name, surface] of Object.entries(surfaces)) {
      await page.setViewportSize({ width: surface.kind === 'home' ? 900 : 760, height: 100 });
      await page.setContent(renderSurface(surface));
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      await writeFile(join(OUT, `${name}.json`), `${JSON.stringify(surface.payload, null, 2)}\n`);
      console.log(`${OUT}/${name}.png`);
    }
  } finally {
    await browser.close();
  }
}

await main();
