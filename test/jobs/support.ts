import { WebClient } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import {
  coachReviews,
  interactions,
  nextSteps,
  people,
  prospects,
  stakeholders,
  workspaceSettings,
  workspaces,
} from '../../src/db/schema.js';

import type { JobDependencies } from '../../src/jobs/deliver.js';
import { type Clock, createPacer } from '../../src/jobs/pacer.js';
import { createLogger } from '../../src/logger.js';
import { webClientOptions } from '../../src/slack/node-http-fetch.js';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from '../support/fake-slack.js';

/** A clock the test moves; sleeping advances it instead of waiting. */
export function virtualClock(start: Date): Clock & { set(at: Date): void } {
  let now = start.getTime();
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    set: (at) => {
      now = at.getTime();
    },
  };
}

export interface JobWorld {
  slack: FakeSlack;
  clock: ReturnType<typeof virtualClock>;
  deps(db: Database, instanceId?: string): JobDependencies;
  warnings: string[];
  close(): Promise<void>;
}

export async function startJobWorld(options: FakeSlackOptions = {}): Promise<JobWorld> {
  const clock = virtualClock(new Date('2025-01-01T00:00:00Z'));
  const slack = await startFakeSlack({ clock: clock.now, ...options });
  const client = new WebClient('xoxb-test', {
    ...webClientOptions(slack.url),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const warnings: string[] = [];
  const logger = createLogger('warn', (line) => warnings.push(line));
  // Fast pacing keeps tests quick; the limits themselves are the benchmark's business.
  const pacer = createPacer({ limit: 50, windowMs: 1000, perChannelMs: 1000 }, clock);
  return {
    slack,
    clock,
    warnings,
    deps: (db, instanceId = 'test-1') => ({ db, client, logger, instanceId, pacer, clock }),
    close: () => slack.close(),
  };
}

let sequence = 0;

/** A fresh workspace per test, so the global sweeps only see it (earlier ones are marked uninstalled). */
export async function freshWorkspace(
  db: Database,
  settings: Partial<typeof workspaceSettings.$inferInsert> = {},
): Promise<string> {
  await db
    .update(workspaces)
    .set({ uninstalledAt: sql`now()` })
    .where(sql`${workspaces.uninstalledAt} is null`);
  const id = `T${++sequence}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  await db.insert(workspaces).values({ id });
  await db.insert(workspaceSettings).values({ workspaceId: id, ...settings });
  return id;
}

export async function addPerson(
  db: Database,
  values: Omit<typeof people.$inferInsert, 'workspaceId'> & { workspaceId: string },
): Promise<typeof people.$inferSelect> {
  const [row] = await db.insert(people).values(values).returning();
  if (!row) throw new Error('person not stored');
  return row;
}

export interface DealSpec {
  workspaceId: string;
  ownerId: number;
  contactName: string;
  company?: string;
  status?: typeof prospects.$inferInsert.status;
  hotButton?: string | null;
  pausedUntil?: Date | null;
  pauseReason?: string | null;
  revisitAt?: Date | null;
  createdAt?: Date;
  stakeholders?: string[];
  touches?: { at: Date; outcome: typeof interactions.$inferInsert.outcome; touchType?: 'value' | 'ask' }[];
  step?: Partial<typeof nextSteps.$inferInsert> & { dueAt: Date };
}

/** A prospect with its touches, stakeholders and (optionally) a scheduled next step. */
export async function addDeal(
  db: Database,
  spec: DealSpec,
): Promise<{ prospectId: number; nextStepId?: number }> {
  const company = spec.company ?? 'Acme';
  const [prospect] = await db
    .insert(prospects)
    .values({
      workspaceId: spec.workspaceId,
      ownerId: spec.ownerId,
      contactName: spec.contactName,
      company,
      nameKey: `${spec.contactName.toLowerCase()}|${company.toLowerCase()}`,
      status: spec.status ?? 'active',
      hotButton: spec.hotButton === undefined ? 'uptime' : spec.hotButton,
      pausedUntil: spec.pausedUntil ?? null,
      pauseReason: spec.pauseReason ?? null,
      revisitAt: spec.revisitAt ?? null,
      ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
    })
    .returning();
  if (!prospect) throw new Error('prospect not stored');
  for (const name of spec.stakeholders ?? []) {
    await db
      .insert(stakeholders)
      .values({ workspaceId: spec.workspaceId, prospectId: prospect.id, name, nameKey: name.toLowerCase() });
  }
  for (const touch of spec.touches ?? []) {
    await db.insert(interactions).values({
      workspaceId: spec.workspaceId,
      prospectId: prospect.id,
      repId: spec.ownerId,
      occurredAt: touch.at,
      outcome: touch.outcome,
      touchType: touch.touchType ?? 'value',
    });
  }
  if (!spec.step) return { prospectId: prospect.id };
  const [step] = await db
    .insert(nextSteps)
    .values({
      workspaceId: spec.workspaceId,
      prospectId: prospect.id,
      ownerId: spec.ownerId,
      plan: 'Go through the warranty report together before it expires',
      valueReason: 'warranty_expiring',
      coachVerdict: 'value',
      agreed: true,
      ...spec.step,
    })
    .returning();
  return { prospectId: prospect.id, ...(step ? { nextStepId: step.id } : {}) };
}

export async function addCoachReview(
  db: Database,
  values: { workspaceId: string; repId: number; verdict: 'value' | 'vague'; createdAt: Date },
): Promise<void> {
  await db.insert(coachReviews).values({ ...values, plan: 'plan' });
}

export const at = (iso: string) => new Date(iso);
