import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { REMINDER_LEAD_MINUTES } from '../../domain/settings.js';
import { type Database, selectRows } from '../client.js';
import { type DeliveryKind, deliveries } from '../schema.js';

export type Delivery = typeof deliveries.$inferSelect;

/**
 * A claim older than this was left by a process that died (or a send that failed for a passing reason). A sender
 * renews its claim before each attempt and no call outlives the client's timeout, so a minute is plenty for a
 * live sender and is all a DM caught in a crash waits before the next tick sends it.
 */
export const CLAIM_LEASE_MS = 60_000;

export interface ClaimRequest {
  workspaceId: string;
  kind: DeliveryKind;
  dedupeKey: string;
  recipientId: string;
  localDay: string | null;
  instanceId: string;
  now: Date;
  late?: boolean;
}

/**
 * Claims one message before it is sent. The unique (workspace, dedupe key) makes the insert the lock: of two
 * instances only one gets a row back. A claim whose lease ran out is taken over by one instance, so a process
 * killed between claim and send loses nothing.
 */
export async function claimDelivery(db: Database, request: ClaimRequest): Promise<Delivery | undefined> {
  const { now, instanceId, late, ...key } = request;
  const [inserted] = await db
    .insert(deliveries)
    .values({
      ...key,
      status: 'claimed',
      claimedBy: instanceId,
      claimedAt: now,
      attempts: 1,
      late: late ?? false,
    })
    .onConflictDoNothing({ target: [deliveries.workspaceId, deliveries.dedupeKey] })
    .returning();
  if (inserted) return inserted;
  const [retaken] = await db
    .update(deliveries)
    .set({ claimedBy: instanceId, claimedAt: now, attempts: sql`${deliveries.attempts} + 1` })
    .where(
      and(
        eq(deliveries.workspaceId, key.workspaceId),
        eq(deliveries.dedupeKey, key.dedupeKey),
        eq(deliveries.status, 'claimed'),
        lt(deliveries.claimedAt, new Date(now.getTime() - CLAIM_LEASE_MS)),
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

/** Which of these keys are taken for good or claimed within the lease (so not to be sent now). */
export async function listTakenDedupeKeys(
  db: Database,
  params: { workspaceId: string; dedupeKeys: string[]; now: Date },
): Promise<Set<string>> {
  if (params.dedupeKeys.length === 0) return new Set();
  const rows = await db
    .select({ key: deliveries.dedupeKey, status: deliveries.status, claimedAt: deliveries.claimedAt })
    .from(deliveries)
    .where(
      and(eq(deliveries.workspaceId, params.workspaceId), inArray(deliveries.dedupeKey, params.dedupeKeys)),
    );
  const leaseCutoff = params.now.getTime() - CLAIM_LEASE_MS;
  return new Set(
    rows
      .filter((row) => row.status !== 'claimed' || row.claimedAt.getTime() >= leaseCutoff)
      .map((row) => row.key),
  );
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

export interface RepDueForDm {
  workspaceId: string;
  personId: number;
  slackUserId: string;
  timeZone: string;
  /** The rep's local day, YYYY-MM-DD. */
  localDay: string;
}

export function dueDmKey(slackUserId: string, localDay: string): string {
  return `due_dm:${slackUserId}:${localDay}`;
}

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

async function sweepRepsDueForDm(db: Database, at: Date, unknownZones: string[]): Promise<RepDueForDm[]> {
  const now = at.toISOString();
  const leaseCutoff = new Date(at.getTime() - CLAIM_LEASE_MS).toISOString();
  const zone =
    unknownZones.length === 0
      ? sql`p.time_zone`
      : sql`case when p.time_zone in (${sql.join(
          unknownZones.map((name) => sql`${name}`),
          sql`, `,
        )}) then 'UTC' else p.time_zone end`;
  const rows = await selectRows<{
    workspace_id: string;
    person_id: number;
    slack_user_id: string;
    time_zone: string;
    local_day: string;
  }>(
    db,
    sql`with reps as (
      select p.id, p.workspace_id, p.slack_user_id, ${zone} as time_zone, p.morning_dm_hour, p.morning_dm_minute,
             (${now}::timestamptz at time zone ${zone}) as local_now
      from people p join workspaces w on w.id = p.workspace_id
      where p.deactivated_at is null and w.uninstalled_at is null
    )
    select r.workspace_id, r.id::int as person_id, r.slack_user_id, r.time_zone,
           to_char(r.local_now, 'YYYY-MM-DD') as local_day
    from reps r
    where r.local_now::time >= make_time(r.morning_dm_hour, r.morning_dm_minute, 0)
      and exists (
        select 1 from next_steps n
        where n.workspace_id = r.workspace_id and n.owner_id = r.id and n.status = 'scheduled'
          and n.due_at < ((date_trunc('day', r.local_now) + interval '1 day') at time zone r.time_zone))
      and not exists (
        select 1 from deliveries d
        where d.workspace_id = r.workspace_id
          and d.dedupe_key = 'due_dm:' || r.slack_user_id || ':' || to_char(r.local_now, 'YYYY-MM-DD')
          and (d.status <> 'claimed' or d.claimed_at >= ${leaseCutoff}::timestamptz))
    order by r.workspace_id, r.id`,
  );
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    personId: Number(row.person_id),
    slackUserId: row.slack_user_id,
    timeZone: row.time_zone,
    localDay: row.local_day,
  }));
}

export interface CallDueForReminder {
  workspaceId: string;
  nextStepId: number;
  dueAt: Date;
  slackUserId: string;
  timeZone: string;
}

export function callReminderKey(nextStepId: number, dueAt: Date): string {
  return `call_reminder:${nextStepId}:${dueAt.toISOString()}`;
}

/**
 * Scheduled calls starting within their workspace's lead time whose reminder is not sent or claimed. The lead-time
 * rule is decided here, in the query, not by a TypeScript copy: see the reminder sweep in the due-sweep benchmark.
 */
export async function listCallsDueForReminder(
  db: Database,
  params: { now: Date },
): Promise<CallDueForReminder[]> {
  const now = params.now.toISOString();
  const leaseCutoff = new Date(params.now.getTime() - CLAIM_LEASE_MS).toISOString();
  const rows = await selectRows<{
    workspace_id: string;
    next_step_id: number;
    due_at_ms: number;
    slack_user_id: string;
    time_zone: string;
  }>(
    db,
    sql`select n.workspace_id, n.id::int as next_step_id, (extract(epoch from n.due_at) * 1000)::float8 as due_at_ms,
           p.slack_user_id, p.time_zone
    from next_steps n
    join people p on p.id = n.owner_id
    join workspaces w on w.id = n.workspace_id
    left join workspace_settings s on s.workspace_id = n.workspace_id
    where n.status = 'scheduled'
      and n.due_at > ${now}::timestamptz
      and n.due_at <= ${now}::timestamptz + make_interval(mins => ${REMINDER_LEAD_MINUTES.max})
      and n.due_at - make_interval(mins => coalesce(s.reminder_lead_minutes, ${REMINDER_LEAD_MINUTES.default})::int) <= ${now}::timestamptz
      and p.deactivated_at is null and w.uninstalled_at is null
      and not exists (
        select 1 from deliveries d
        where d.workspace_id = n.workspace_id
          and d.dedupe_key = 'call_reminder:' || n.id || ':' || to_char(n.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
          and (d.status <> 'claimed' or d.claimed_at >= ${leaseCutoff}::timestamptz))
    order by n.due_at, n.id`,
  );
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    nextStepId: Number(row.next_step_id),
    dueAt: new Date(Number(row.due_at_ms)),
    slackUserId: row.slack_user_id,
    timeZone: row.time_zone,
  }));
}
