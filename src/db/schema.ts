import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  DIGEST_DEFAULTS,
  GONE_DARK_AFTER_UNANSWERED,
  MIN_VALUE_TOUCH_PERCENT,
  REMINDER_LEAD_MINUTES,
  REVISIT_AFTER_DAYS,
  STALE_AFTER_DAYS,
} from '../domain/settings.js';
import type {
  CoachVerdictKind,
  NextStepStatus,
  Outcome,
  ProspectStage,
  ProspectStatus,
  Role,
  ValueReason,
} from '../domain/vocabulary.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
const reference = (name: string) => bigint(name, { mode: 'number' });
/** Every row belongs to one workspace and goes with it. */
const workspaceReference = () =>
  text('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

/** A Slack workspace (team). Its id is Slack's team id, so every request maps to it without a lookup. */
export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  enterpriseId: text('enterprise_id'),
  name: text('name'),
  botUserId: text('bot_user_id'),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  uninstalledAt: timestamp('uninstalled_at', { withTimezone: true }),
});

/**
 * How the app was installed through OAuth: one row per workspace, or per enterprise for an org-wide install (Bolt's
 * installation key). The bot token is sealed (AES-256-GCM, see token-cipher.ts) and is deleted on uninstall; the row
 * stays as the record of who installed what and when. Single-workspace deployments (SLACK_BOT_TOKEN) have none.
 */
export const installations = pgTable('installations', {
  /** The team id, or the enterprise id of an org-wide install. */
  id: text('id').primaryKey(),
  teamId: text('team_id').references(() => workspaces.id, { onDelete: 'cascade' }),
  enterpriseId: text('enterprise_id'),
  isEnterpriseInstall: boolean('is_enterprise_install').notNull().default(false),
  appId: text('app_id'),
  botId: text('bot_id'),
  botUserId: text('bot_user_id'),
  botScopes: text('bot_scopes').array().notNull().default(sql`'{}'::text[]`),
  /** Null once the app was uninstalled or its token revoked. */
  sealedBotToken: text('sealed_bot_token'),
  installerUserId: text('installer_user_id'),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: updatedAt(),
  uninstalledAt: timestamp('uninstalled_at', { withTimezone: true }),
});

/** Per-workspace knobs for the manager digest and the stall rules; defaults follow the method. */
export const workspaceSettings = pgTable('workspace_settings', {
  workspaceId: text('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  managerChannelId: text('manager_channel_id'),
  digestHour: smallint('digest_hour').notNull().default(DIGEST_DEFAULTS.hour),
  digestMinute: smallint('digest_minute').notNull().default(DIGEST_DEFAULTS.minute),
  /** ISO weekdays (1 = Monday ... 7 = Sunday). */
  digestWeekdays: smallint('digest_weekdays')
    .array()
    .notNull()
    .default(sql.raw(`'{${DIGEST_DEFAULTS.weekdays.join(',')}}'::smallint[]`)),
  staleAfterDays: smallint('stale_after_days').notNull().default(STALE_AFTER_DAYS.default),
  goneDarkAfterUnanswered: smallint('gone_dark_after_unanswered')
    .notNull()
    .default(GONE_DARK_AFTER_UNANSWERED.default),
  /** The 70/30 rule: below this share of value touches a deal is "all asks". */
  minValueTouchPercent: smallint('min_value_touch_percent')
    .notNull()
    .default(MIN_VALUE_TOUCH_PERCENT.default),
  revisitAfterDays: smallint('revisit_after_days').notNull().default(REVISIT_AFTER_DAYS.default),
  reminderLeadMinutes: smallint('reminder_lead_minutes').notNull().default(REMINDER_LEAD_MINUTES.default),
  updatedAt: updatedAt(),
});

export const people = pgTable(
  'people',
  {
    id: id(),
    workspaceId: workspaceReference(),
    slackUserId: text('slack_user_id').notNull(),
    displayName: text('display_name'),
    role: text('role').$type<Role>().notNull().default('rep'),
    managerId: reference('manager_id').references((): AnyPgColumn => people.id, { onDelete: 'set null' }),
    /** IANA zone name from users.info; local times are computed from it, never from a cached offset. */
    timeZone: text('time_zone').notNull().default('UTC'),
    morningDmHour: smallint('morning_dm_hour').notNull().default(8),
    morningDmMinute: smallint('morning_dm_minute').notNull().default(30),
    dmChannelId: text('dm_channel_id'),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('people_workspace_slack_user_key').on(t.workspaceId, t.slackUserId),
    index('people_manager_idx').on(t.managerId),
  ],
);

export const prospects = pgTable(
  'prospects',
  {
    id: id(),
    workspaceId: workspaceReference(),
    ownerId: reference('owner_id')
      .notNull()
      .references(() => people.id),
    /** The contact person the rep talks to. */
    contactName: text('contact_name').notNull(),
    company: text('company').notNull().default(''),
    /** Lower-cased "contact|company", so one rep cannot create the same prospect twice by retyping it. */
    nameKey: text('name_key').notNull(),
    stage: text('stage').$type<ProspectStage>().notNull().default('new'),
    status: text('status').$type<ProspectStatus>().notNull().default('active'),
    hotButton: text('hot_button'),
    purchasingProcess: text('purchasing_process'),
    decisionMaker: text('decision_maker'),
    budget: text('budget'),
    pausedUntil: timestamp('paused_until', { withTimezone: true }),
    pauseReason: text('pause_reason'),
    /** When a "not interested" or lost prospect is worth a second-chance call. */
    revisitAt: timestamp('revisit_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('prospects_owner_name_key').on(t.workspaceId, t.ownerId, t.nameKey),
    index('prospects_workspace_status_idx').on(t.workspaceId, t.status),
    index('prospects_revisit_idx').on(t.workspaceId, t.revisitAt),
  ],
);

export const stakeholders = pgTable(
  'stakeholders',
  {
    id: id(),
    workspaceId: workspaceReference(),
    prospectId: reference('prospect_id')
      .notNull()
      .references(() => prospects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    title: text('title'),
    isDecisionMaker: boolean('is_decision_maker').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('stakeholders_prospect_name_key').on(t.prospectId, t.nameKey)],
);

export const interactions = pgTable(
  'interactions',
  {
    id: id(),
    workspaceId: workspaceReference(),
    prospectId: reference('prospect_id')
      .notNull()
      .references(() => prospects.id, { onDelete: 'cascade' }),
    repId: reference('rep_id')
      .notNull()
      .references(() => people.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    kind: text('kind').$type<'call' | 'email' | 'meeting' | 'message'>().notNull().default('call'),
    outcome: text('outcome').$type<Outcome>().notNull(),
    summary: text('summary'),
    materialSent: text('material_sent'),
    materialReviewed: boolean('material_reviewed'),
    /** Whether the touch gave the prospect something of value or asked for the business (the 70/30 rule). */
    touchType: text('touch_type').$type<'value' | 'ask'>().notNull().default('value'),
    /** Where the log came from (a modal view id, a CLI run), so a resubmission is not stored twice. */
    sourceKey: text('source_key'),
    createdAt: createdAt(),
  },
  (t) => [
    index('interactions_prospect_time_idx').on(t.prospectId, t.occurredAt),
    index('interactions_workspace_rep_time_idx').on(t.workspaceId, t.repId, t.occurredAt),
    uniqueIndex('interactions_source_key').on(t.workspaceId, t.sourceKey),
  ],
);

export const nextSteps = pgTable(
  'next_steps',
  {
    id: id(),
    workspaceId: workspaceReference(),
    prospectId: reference('prospect_id')
      .notNull()
      .references(() => prospects.id, { onDelete: 'cascade' }),
    ownerId: reference('owner_id')
      .notNull()
      .references(() => people.id),
    interactionId: reference('interaction_id').references(() => interactions.id, { onDelete: 'set null' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** Agreed with the prospect: a scheduled call, not a follow-up the prospect does not expect. */
    agreed: boolean('agreed').notNull().default(false),
    valueReason: text('value_reason').$type<ValueReason>(),
    plan: text('plan').notNull(),
    /** Null for steps saved before the coach judged them. */
    coachVerdict: text('coach_verdict').$type<CoachVerdictKind>(),
    status: text('status').$type<NextStepStatus>().notNull().default('scheduled'),
    snoozeCount: integer('snooze_count').notNull().default(0),
    /**
     * How many times the call's time has changed (reschedule, snooze): the SEQUENCE of its calendar invite, which
     * RFC 5546 (section 2.1.4) requires to grow whenever DTSTART changes, so a calendar replaces the old time.
     */
    timeRevision: integer('time_revision').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('next_steps_scheduled_due_idx').on(t.dueAt, t.ownerId).where(sql`${t.status} = 'scheduled'`),
    index('next_steps_owner_due_idx')
      .on(t.workspaceId, t.ownerId, t.dueAt)
      .where(sql`${t.status} = 'scheduled'`),
    index('next_steps_prospect_idx').on(t.prospectId, t.status),
  ],
);

/** Every judgement the coach gave, kept so managers see how often plans were sent back. */
export const coachReviews = pgTable(
  'coach_reviews',
  {
    id: id(),
    workspaceId: workspaceReference(),
    repId: reference('rep_id')
      .notNull()
      .references(() => people.id),
    prospectId: reference('prospect_id').references(() => prospects.id, { onDelete: 'set null' }),
    verdict: text('verdict').$type<CoachVerdictKind>().notNull(),
    /** The plan an accepted verdict let through, whose text the next step holds. */
    nextStepId: reference('next_step_id').references(() => nextSteps.id, { onDelete: 'set null' }),
    /** The text of a refused plan, kept nowhere else; null when the next step holds the plan. */
    plan: text('plan'),
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('coach_reviews_workspace_rep_time_idx').on(t.workspaceId, t.repId, t.createdAt)],
);

export const DELIVERY_KINDS = ['due_dm', 'call_reminder', 'digest', 'failure_alert'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
export const DELIVERY_STATUSES = ['claimed', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * What makes two messages of a kind the same message: the columns its unique index holds besides the workspace.
 * A due DM is one per rep (`subject`) and local day, a digest one per manager and day, a reminder one per call
 * and start time, a failure alert one per failed recipient (or the whole workspace) and error.
 */
export const DELIVERY_KEY_PARTS = {
  due_dm: ['subject', 'localDay'],
  digest: ['subject', 'localDay'],
  call_reminder: ['nextStepId', 'dueAt'],
  failure_alert: ['subject', 'reportedError'],
} as const satisfies Record<DeliveryKind, readonly string[]>;

/**
 * `kind = '<kind>'` with the kind as a literal: PostgreSQL matches a query, or an ON CONFLICT target, to a partial
 * index only by a predicate it can prove from constants, and a parameter proves nothing once the plan is generic.
 */
export function deliveryKindIs(kind: DeliveryKind, column: AnyPgColumn = deliveries.kind): SQL {
  return sql`${column} = ${sql.raw(`'${kind}'`)}`;
}

/**
 * One row per message a job sends. Its key (the kind and that kind's key parts) is claimed by an insert under the
 * kind's unique index before sending, so two instances or a restarted one never send the same message twice.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: id(),
    workspaceId: workspaceReference(),
    kind: text('kind').$type<DeliveryKind>().notNull(),
    /** Where the message goes: a user (its DM) or a channel. */
    recipientId: text('recipient_id').notNull(),
    /** Whom the message is about: the rep of a due DM, the manager of a digest, the failed recipient of an alert. */
    subject: text('subject'),
    /** The rep's or manager's local day a due DM or digest is for. */
    localDay: date('local_day'),
    /**
     * The call a reminder is for and the start it was reminded of (a rescheduled call is reminded again). No foreign
     * key: steps go only with their workspace, which takes its deliveries, and a cascade would want its own index.
     */
    nextStepId: reference('next_step_id'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** The error a failure alert tells of (`error` is the alert's own, when it fails to go out). */
    reportedError: text('reported_error'),
    status: text('status').$type<DeliveryStatus>().notNull().default('claimed'),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    late: boolean('late').notNull().default(false),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    messageTs: text('message_ts'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    ...DELIVERY_KINDS.flatMap((kind) => {
      const parts = DELIVERY_KEY_PARTS[kind].map((part) => t[part]);
      return [
        uniqueIndex(`deliveries_${kind}_key`)
          .on(t.workspaceId, ...parts)
          .where(deliveryKindIs(kind, t.kind)),
        // A part left null would make every such row distinct to the index, and the message sendable again.
        check(
          `deliveries_${kind}_key_parts`,
          sql`not (${deliveryKindIs(kind, t.kind)}) or (${sql.join(
            parts.map((part) => sql`${part} is not null`),
            sql` and `,
          )})`,
        ),
      ];
    }),
    index('deliveries_status_idx').on(t.status, t.claimedAt),
  ],
);

/** What each job pass did: the operator's record behind `followup jobs status`. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: id(),
    job: text('job').notNull(),
    instanceId: text('instance_id').notNull(),
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    sent: integer('sent').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    error: text('error'),
  },
  (t) => [index('job_runs_job_started_idx').on(t.job, t.startedAt)],
);

/**
 * Signed requests already acted on, so a replay of one acts no more than once, whichever instance it reaches.
 * Keyed before any workspace is known (the key is the signature, or the team and event id of an event), so it
 * is the one table not scoped by workspace; rows are pruned once no signature they hold can still pass.
 */
export const seenRequests = pgTable(
  'seen_requests',
  {
    key: text('key').primaryKey(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  // Rows arrive in seen_at order, so a BRIN index (a few pages, touched once per block range) finds the old
  // ones for pruning without a B-tree entry written beside every request.
  (t) => [index('seen_requests_seen_at_idx').using('brin', t.seenAt)],
);

/**
 * Slack's rate limits are per workspace and method, so the pacing budget lives here, shared by every instance
 * and CLI pass: the next free slot of each (workspace, method), in epoch milliseconds. No foreign key: a
 * listener may pace a message for a workspace before any of its rows exist.
 */
export const sendBudgets = pgTable(
  'send_budgets',
  {
    workspaceId: text('workspace_id').notNull(),
    method: text('method').notNull(),
    nextSlotMs: doublePrecision('next_slot_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.method] })],
);
