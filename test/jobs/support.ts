import { WebClient } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Database, openPostgres } from '../../src/db/client.js';
import type { Person } from '../../src/db/queries/people.js';
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
import { singleWorkspaceClients } from '../../src/slack/workspace-clients.js';
import { ensurePerson } from '../../src/usecases/ensure-person.js';
import type { LogCallForm } from '../../src/usecases/log-call.js';
import type { TestDatabase } from '../support/database.js';
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
  /** A pass's dependencies; its deadline never fires unless the test passes one. */
  deps(db: Database, instanceId?: string, deadline?: AbortSignal): JobDependencies;
  warnings: string[];
  close(): Promise<void>;
}

export async function startJobWorld(options: FakeSlackOptions = {}): Promise<JobWorld> {
  const clock = virtualClock(new Date('2025-01-01T00:00:00Z'));
  const slack = await startFakeSlack({ clock: clock.now, ...options });
  const client = new WebClient('xoxb-test', webClientOptions(slack.url));
  const warnings: string[] = [];
  const logger = createLogger('warn', (line) => warnings.push(line));
  // Fast pacing keeps tests quick; the limits themselves are the benchmark's business.
  const pacer = createPacer({ limit: 50, windowMs: 1000, perChannelMs: 1000 }, clock);
  return {
    slack,
    clock,
    warnings,
    deps: (db, instanceId = 'test-1', deadline = new AbortController().signal) => ({
      db,
      clients: singleWorkspaceClients(client),
      logger,
      instanceId,
      pacer,
      clock,
      deadline,
    }),
    close: () => slack.close(),
  };
}

/** A job world for the enclosing suite: started before its tests, closed after, Slack's record cleared before each. */
export function useJobWorld(options: FakeSlackOptions = {}): JobWorld {
  // Filled in by beforeAll, so the suite can name it while it is being declared.
  const world = {} as JobWorld;
  let started: JobWorld | undefined;
  beforeAll(async () => {
    started = await startJobWorld(options);
    Object.assign(world, started);
  });
  afterAll(async () => {
    await started?.close();
  });
  beforeEach(() => {
    world.slack.reset();
  });
  return world;
}

/**
 * Runs `body` on a second connection to the test database, as a second instance would hold: its own pool on
 * PostgreSQL; on PGlite, which one process owns, the same handle.
 */
export async function withSecondInstance<T>(
  handle: TestDatabase,
  body: (db: Database) => Promise<T>,
): Promise<T> {
  const second = handle.url ? await openPostgres(handle.url, 5) : undefined;
  try {
    return await body(second?.db ?? handle.db);
  } finally {
    await second?.close();
  }
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

/** A person met the way the app meets them: on first contact, with the zone their Slack profile reports. */
export function meetPerson(
  db: Database,
  workspaceId: string,
  slackUserId: string,
  timeZone: string,
): Promise<Person> {
  return ensurePerson(db, {
    workspaceId,
    slackUserId,
    lookUpProfile: async () => ({ timeZone, displayName: slackUserId }),
  });
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

/** A deal whose only business here is one agreed call, due at `dueAt`. */
export function addCall(
  db: Database,
  call: { workspaceId: string; ownerId: number; contactName: string; dueAt: Date },
): Promise<{ prospectId: number; nextStepId?: number }> {
  const { dueAt, ...deal } = call;
  return addDeal(db, { ...deal, step: { dueAt } });
}

/** A rep with one agreed call on their list. */
export async function addRepWithCall(
  db: Database,
  rep: Parameters<typeof addPerson>[1],
  call: { contactName: string; dueAt: Date },
): Promise<Person> {
  const person = await addPerson(db, rep);
  await addCall(db, { workspaceId: rep.workspaceId, ownerId: person.id, ...call });
  return person;
}

/** A well-formed "log a call" form: a real conversation, an agreed next step with a value reason. */
export function callForm(overrides: Partial<LogCallForm> = {}): LogCallForm {
  return {
    contactName: 'Dana',
    company: 'Acme',
    outcome: 'connected',
    summary: null,
    hotButton: 'downtime on line 2',
    nextCallAt: null,
    agreed: true,
    valueReason: 'warranty_expiring',
    plan: 'Their Dell R740 warranty ends 14 June: walk them through the renewal quote',
    decisionMaker: null,
    purchasingProcess: null,
    budget: null,
    stakeholders: ['Sue (CFO)'],
    materialSent: null,
    ...overrides,
  };
}

/** "Contact: reasons" for each deal a digest's blocks list. */
/** The stalled deals a digest lists, each "Name: reasons"; its notes and paused deals are not stalled. */
export function dealsListed(blocks: unknown): string[] {
  const body = JSON.stringify(blocks ?? []);
  return [...body.matchAll(/• \*([A-Za-z ]+) \(Acme\)\*: ([^\\"]*)/g)]
    .filter((match) => !/^(note:|paused until)/.test(match[2] ?? ''))
    .map((match) => `${match[1]}: ${match[2]}`);
}

export async function addCoachReview(
  db: Database,
  values: { workspaceId: string; repId: number; verdict: 'value' | 'vague'; createdAt: Date },
): Promise<void> {
  await db.insert(coachReviews).values(values);
}

export const at = (iso: string) => new Date(iso);
