import { and, desc, eq, isNull, notExists, or, type SQL, sql } from 'drizzle-orm';
import { REMINDER_LEAD_MINUTES } from '../../domain/settings.js';
import { type Database, type ReadValue, type RowOf, selectRows } from '../client.js';
import {
  DELIVERY_KEY_PARTS,
  type DeliveryKind,
  deliveries,
  deliveryKindIs,
  nextSteps,
  people,
  workspaceSettings,
  workspaces,
} from '../schema.js';

export type Delivery = typeof deliveries.$inferSelect;

type DeliveryKeyPart = (typeof DELIVERY_KEY_PARTS)[DeliveryKind][number];
/** A key as its row holds it: the kind, its parts, and nulls for the parts of other kinds. */
type DeliveryKeyColumns = Pick<Delivery, 'kind' | DeliveryKeyPart>;
/** What makes a message the same message: its kind and every part of that kind's key (DELIVERY_KEY_PARTS). */
export type DeliveryKey = {
  [Kind in DeliveryKind]: { kind: Kind } & {
    [Part in (typeof DELIVERY_KEY_PARTS)[Kind][number]]: NonNullable<Delivery[Part]>;
  };
}[DeliveryKind];

function keyColumns(key: DeliveryKey | DeliveryKeyColumns): DeliveryKeyColumns {
  return { subject: null, localDay: null, nextStepId: null, dueAt: null, reportedError: null, ...key };
}

/**
 * The key a message carries in its metadata, spelled from the key's parts. It is spelled as the deliveries table
 * held it before the parts were columns, so a message posted then is still recognised when its claim is taken over.
 */
export function deliveryKeyText(key: DeliveryKey | DeliveryKeyColumns): string {
  const columns = keyColumns(key);
  const parts = DELIVERY_KEY_PARTS[key.kind].map((part) => {
    const value = columns[part];
    return value instanceof Date ? value.toISOString() : String(value);
  });
  return [key.kind, ...parts].join(':');
}

/** The rows holding this key (at most one: the kind's unique index). */
function hasKey(key: DeliveryKey): SQL {
  const columns = keyColumns(key);
  // Each part's value is its own column's (keyColumns), a pairing TypeScript cannot follow through the map.
  const parts = DELIVERY_KEY_PARTS[key.kind].map((part) => eq(deliveries[part], columns[part] as never));
  return sql`(${sql.join([deliveryKindIs(key.kind), ...parts], sql` and `)})`;
}

/**
 * A claim older than this was left by a process that died (or a send that failed for a passing reason). A sender
 * renews its claim before each attempt and no call outlives the client's timeout, so a minute is plenty for a
 * live sender and is all a DM caught in a crash waits before the next tick sends it.
 */
export const CLAIM_LEASE_MS = 60_000;

/** Sent, failed for good, skipped, or claimed within the lease: not to be sent now. */
function isTaken(now: Date): SQL {
  return sql`(${deliveries.status} <> 'claimed' or ${deliveries.claimedAt} >= ${new Date(now.getTime() - CLAIM_LEASE_MS).toISOString()}::timestamptz)`;
}

export interface ClaimRequest {
  workspaceId: string;
  key: DeliveryKey;
  recipientId: string;
  instanceId: string;
  now: Date;
  late?: boolean;
}

/**
 * Claims one message before it is sent. The kind's unique index on (workspace, key parts) makes the insert the
 * lock: of two instances only one gets a row back. A claim whose lease ran out is taken over by one instance, so
 * a process killed between claim and send loses nothing.
 */
export async function claimDelivery(db: Database, request: ClaimRequest): Promise<Delivery | undefined> {
  const { workspaceId, key, recipientId, instanceId, now, late } = request;
  const [inserted] = await db
    .insert(deliveries)
    .values({
      workspaceId,
      ...keyColumns(key),
      recipientId,
      status: 'claimed',
      claimedBy: instanceId,
      claimedAt: now,
      attempts: 1,
      late: late ?? false,
    })
    .onConflictDoNothing({
      target: [deliveries.workspaceId, ...DELIVERY_KEY_PARTS[key.kind].map((part) => deliveries[part])],
      where: deliveryKindIs(key.kind),
    })
    .returning();
  if (inserted) return inserted;
  const [retaken] = await db
    .update(deliveries)
    .set({ claimedBy: instanceId, claimedAt: now, attempts: sql`${deliveries.attempts} + 1` })
    .where(
      and(
        eq(deliveries.workspaceId, workspaceId),
        hasKey(key),
        eq(deliveries.status, 'claimed'),
        sql`${deliveries.claimedAt} < ${new Date(now.getTime() - CLAIM_LEASE_MS).toISOString()}::timestamptz`,
      ),
    )
    .returning();
  return retaken;
}

/** Extends this instance's claim to `now`; false when the claim is no longer this instance's to send. */
export async function renewClaim(
  db: Database,
  params: { id: number; instanceId: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(deliveries)
    .set({ claimedAt: params.now })
    .where(
      and(
        eq(deliveries.id, params.id),
        eq(deliveries.status, 'claimed'),
        eq(deliveries.claimedBy, params.instanceId),
      ),
    )
    .returning({ id: deliveries.id });
  return rows.length > 0;
}

/**
 * Gives a claim back before its lease is out (the pass reached its deadline), so any pass may take it from
 * `retakeFrom` on, or at once when that is null (whatever the pass's as-of time: a CLI pass may repeat one).
 * `attemptMade: false` when nothing reached Slack: the next taker then counts it as a first try.
 */
export async function releaseClaim(
  db: Database,
  params: { id: number; instanceId: string; retakeFrom: Date | null; attemptMade: boolean },
): Promise<void> {
  await db
    .update(deliveries)
    .set({
      claimedAt: new Date(params.retakeFrom ? params.retakeFrom.getTime() - CLAIM_LEASE_MS : 0),
      ...(params.attemptMade ? {} : { attempts: sql`${deliveries.attempts} - 1` }),
    })
    .where(
      and(
        eq(deliveries.id, params.id),
        eq(deliveries.status, 'claimed'),
        eq(deliveries.claimedBy, params.instanceId),
      ),
    );
}

export async function markDeliverySent(
  db: Database,
  params: { id: number; messageTs: string | null; now: Date },
): Promise<void> {
  await db
    .update(deliveries)
    .set({ status: 'sent', sentAt: params.now, messageTs: params.messageTs, error: null })
    .where(eq(deliveries.id, params.id));
}

/** Permanent: the key stays taken, so nothing retries it. */
export async function markDeliveryFailed(db: Database, params: { id: number; error: string }): Promise<void> {
  await db
    .update(deliveries)
    .set({ status: 'failed', error: params.error })
    .where(eq(deliveries.id, params.id));
}

/** Nothing to send after all (the calls were logged in between); the day's key stays taken. */
export async function markDeliverySkipped(db: Database, params: { id: number }): Promise<void> {
  await db.update(deliveries).set({ status: 'skipped' }).where(eq(deliveries.id, params.id));
}

/** A passing failure: the claim stays, with the reason, and is retried once its lease runs out. */
export async function noteDeliveryError(db: Database, params: { id: number; error: string }): Promise<void> {
  await db.update(deliveries).set({ error: params.error }).where(eq(deliveries.id, params.id));
}

/** Which of these keys are taken (see `isTaken`), as `deliveryKeyText` spells them. */
export async function listTakenDeliveryKeys(
  db: Database,
  params: { workspaceId: string; keys: DeliveryKey[]; now: Date },
): Promise<Set<string>> {
  if (params.keys.length === 0) return new Set();
  const rows = await db
    .select({
      kind: deliveries.kind,
      subject: deliveries.subject,
      localDay: deliveries.localDay,
      nextStepId: deliveries.nextStepId,
      dueAt: deliveries.dueAt,
      reportedError: deliveries.reportedError,
    })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.workspaceId, params.workspaceId),
        or(...params.keys.map(hasKey)),
        isTaken(params.now),
      ),
    );
  return new Set(rows.map(deliveryKeyText));
}

export async function listRecentDeliveryFailures(
  db: Database,
  params: { limit: number },
): Promise<Delivery[]> {
  return db
    .select()
    .from(deliveries)
    .where(
      sql`${deliveries.status} = 'failed' or (${deliveries.status} = 'claimed' and ${deliveries.error} is not null)`,
    )
    .orderBy(desc(deliveries.claimedAt))
    .limit(params.limit);
}

/** How the due-DM sweep's rows are read: by the schema's columns, and its local day as the text SQL writes. */
const REP_DUE_FOR_DM = {
  workspaceId: people.workspaceId,
  personId: people.id,
  slackUserId: people.slackUserId,
  timeZone: people.timeZone,
  /** The rep's local day, YYYY-MM-DD. */
  localDay: ((value) => String(value)) as ReadValue<string>,
};

/** A rep whose due DM is to go out now, with their local day. */
export type RepDueForDm = RowOf<typeof REP_DUE_FOR_DM>;

/**
 * The sweep: every rep whose local clock has reached their DM time today, who has a scheduled call due before
 * the end of their local day (today or overdue), and whose DM for that day is not sent or claimed. Local days
 * come from the zone name in SQL, so DST is PostgreSQL's tzdata's business, and a rep missed at their hour
 * (no instance ran) is still found later that day: that is the catch-up.
 *
 * A zone name the database does not know would fail the whole sweep, so it is named to `onUnknownZone` and
 * its reps are swept as UTC (as the domain treats an unknown zone); the first pass pays nothing for the check.
 */
export async function listRepsDueForDm(
  db: Database,
  params: { now: Date; onUnknownZone?: (zone: string) => void },
): Promise<RepDueForDm[]> {
  const unknownZones: string[] = [];
  for (;;) {
    try {
      return await sweepRepsDueForDm(db, params.now, unknownZones);
    } catch (error) {
      const zone = unknownZoneOf(error);
      if (zone === undefined || unknownZones.includes(zone) || unknownZones.length >= 20) throw error;
      unknownZones.push(zone);
      params.onUnknownZone?.(zone);
    }
  }
}

function unknownZoneOf(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const match = /time zone "(.*)" not recognized/.exec(cause.message);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * Raw SQL read by its row shape, rather than drizzle's select builder: the builder's work on the 5,000 rows of the
 * benchmark's sweep added about 40% to it (the reminder sweep's few rows use the builder).
 */
async function sweepRepsDueForDm(db: Database, at: Date, unknownZones: string[]): Promise<RepDueForDm[]> {
  const zone =
    unknownZones.length === 0
      ? sql`p.time_zone`
      : sql`case when p.time_zone in (${sql.join(
          unknownZones.map((name) => sql`${name}`),
          sql`, `,
        )}) then 'UTC' else p.time_zone end`;
  return selectRows(
    db,
    sql`with reps as (
      select p.id, p.workspace_id, p.slack_user_id, ${zone} as time_zone, p.morning_dm_hour, p.morning_dm_minute,
             (${at.toISOString()}::timestamptz at time zone ${zone}) as local_now
      from people p join workspaces w on w.id = p.workspace_id
      where p.deactivated_at is null and w.uninstalled_at is null
    )
    select r.workspace_id as "workspaceId", r.id as "personId", r.slack_user_id as "slackUserId",
           r.time_zone as "timeZone", to_char(r.local_now, 'YYYY-MM-DD') as "localDay"
    from reps r
    where r.local_now::time >= make_time(r.morning_dm_hour, r.morning_dm_minute, 0)
      and exists (
        select 1 from next_steps n
        where n.workspace_id = r.workspace_id and n.owner_id = r.id and n.status = 'scheduled'
          and n.due_at < ((date_trunc('day', r.local_now) + interval '1 day') at time zone r.time_zone))
      and not exists (
        select 1 from ${deliveries}
        where ${deliveries.workspaceId} = r.workspace_id and ${deliveryKindIs('due_dm')}
          and ${deliveries.subject} = r.slack_user_id and ${deliveries.localDay} = r.local_now::date
          and ${isTaken(at)})
    order by r.workspace_id, r.id`,
    REP_DUE_FOR_DM,
  );
}

/** A scheduled call whose reminder is to go out now. */
export type CallDueForReminder = Awaited<ReturnType<typeof listCallsDueForReminder>>[number];

/**
 * Scheduled calls starting within their workspace's lead time whose reminder is not sent or claimed. The lead-time
 * rule is decided here, in the query, not by a TypeScript copy: see the reminder sweep in the due-sweep benchmark.
 */
export function listCallsDueForReminder(db: Database, params: { now: Date }) {
  const now = params.now.toISOString();
  const leadMinutes = sql`coalesce(${workspaceSettings.reminderLeadMinutes}, ${REMINDER_LEAD_MINUTES.default})::int`;
  return db
    .select({
      workspaceId: nextSteps.workspaceId,
      nextStepId: nextSteps.id,
      dueAt: nextSteps.dueAt,
      slackUserId: people.slackUserId,
      timeZone: people.timeZone,
    })
    .from(nextSteps)
    .innerJoin(people, eq(people.id, nextSteps.ownerId))
    .innerJoin(workspaces, eq(workspaces.id, nextSteps.workspaceId))
    .leftJoin(workspaceSettings, eq(workspaceSettings.workspaceId, nextSteps.workspaceId))
    .where(
      and(
        sql`${nextSteps.status} = 'scheduled'`,
        sql`${nextSteps.dueAt} > ${now}::timestamptz`,
        sql`${nextSteps.dueAt} <= ${now}::timestamptz + make_interval(mins => ${REMINDER_LEAD_MINUTES.max})`,
        sql`${nextSteps.dueAt} - make_interval(mins => ${leadMinutes}) <= ${now}::timestamptz`,
        isNull(people.deactivatedAt),
        isNull(workspaces.uninstalledAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(deliveries)
            .where(
              and(
                eq(deliveries.workspaceId, nextSteps.workspaceId),
                deliveryKindIs('call_reminder'),
                eq(deliveries.nextStepId, nextSteps.id),
                // The key holds the start as JavaScript read it, to the millisecond.
                eq(deliveries.dueAt, sql`date_trunc('milliseconds', ${nextSteps.dueAt})`),
                isTaken(params.now),
              ),
            ),
        ),
      ),
    )
    .orderBy(nextSteps.dueAt, nextSteps.id);
}
