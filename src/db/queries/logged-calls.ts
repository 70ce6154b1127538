import { sql } from 'drizzle-orm';
import { defaultWorkspaceSettings, type WorkspaceSettings } from '../../domain/settings.js';
import type { CoachVerdictKind, ProspectProfile, ProspectStatus } from '../../domain/vocabulary.js';
import { type Database, read, selectRows } from '../client.js';
import { interactions, nextSteps, people, prospects, workspaceSettings } from '../schema.js';

/**
 * Logging a call is the app's busiest write, and on this kind of host each database round trip costs more
 * than the SQL it carries. So a submission reads everything the coach needs in one statement and stores
 * everything in another; a single statement is atomic, so nothing is ever half-written.
 */

type Interaction = typeof interactions.$inferSelect;
type NextStep = typeof nextSteps.$inferSelect;

export type RecentTouch = Pick<Interaction, 'outcome' | 'materialSent' | 'materialReviewed'>;

/** The prospect a log is for, with what the coach needs to know of it. */
export interface LogTarget extends ProspectProfile {
  id: number;
  ownerId: number;
  ownerManagerId: number | null;
  contactName: string;
  company: string;
  stakeholderCount: number;
  /** Newest first. */
  recentTouches: RecentTouch[];
}

/** The workspace's settings a log applies: the method's defaults when it never saved any. */
export type LogCallSettings = Pick<WorkspaceSettings, 'revisitAfterDays' | 'goneDarkAfterUnanswered'>;

export interface LogCallContext {
  /** The rep logging the call; null when they have never used the app in this workspace. */
  rep: { id: number; timeZone: string; displayName: string | null } | null;
  /** Set when this source (a modal's view id) was already stored: a resubmission. */
  previousInteractionId: number | null;
  /** Null when the rep has no prospect of that name yet. */
  target: LogTarget | null;
  settings: LogCallSettings;
}

/**
 * The prospect the rep picked (the caller checks ownership), or for a new one typed by name the rep's own
 * prospect of that exact name, with its stakeholder count and latest touches.
 */
export async function findLogCallContext(
  db: Database,
  params: {
    workspaceId: string;
    /** The rep by id, or by Slack user id when the caller has not read them yet. */
    rep: { id: number } | { slackUserId: string };
    sourceKey: string;
    prospectId: number | null;
    nameKey: string;
    touchLimit: number;
  },
): Promise<LogCallContext> {
  const { workspaceId } = params;
  const repId = 'id' in params.rep ? params.rep.id : null;
  const slackUserId = 'slackUserId' in params.rep ? params.rep.slackUserId : null;
  const [row] = await selectRows(
    db,
    sql`
      with me as (
        select id, time_zone, display_name from people
        where workspace_id = ${workspaceId}
          and (id = ${repId}::bigint or slack_user_id = ${slackUserId}::text)
        limit 1
      )
      select
        me.id as rep_id, me.time_zone as rep_time_zone, me.display_name as rep_display_name,
        (select i.id from interactions i
          where i.workspace_id = ${workspaceId} and i.source_key = ${params.sourceKey}) as previous_interaction_id,
        settings.revisit_after_days, settings.gone_dark_after_unanswered,
        p.id, p.owner_id, owner.manager_id as owner_manager_id, p.contact_name, p.company,
        p.hot_button, p.decision_maker, p.purchasing_process, p.budget,
        (select count(*) from stakeholders s
          where s.workspace_id = ${workspaceId} and s.prospect_id = p.id) as stakeholder_count,
        (select json_agg(json_build_object('outcome', t.outcome, 'materialSent', t.material_sent,
            'materialReviewed', t.material_reviewed) order by t.occurred_at desc, t.id desc) from (
          select i.id, i.occurred_at, i.outcome, i.material_sent, i.material_reviewed from interactions i
          where i.workspace_id = ${workspaceId} and i.prospect_id = p.id
          order by i.occurred_at desc, i.id desc
          limit ${params.touchLimit}
        ) t) as touches
      from (select 1) as one
      left join me on true
      left join workspace_settings settings on settings.workspace_id = ${workspaceId}
      left join lateral (
        select * from prospects candidate
        where candidate.workspace_id = ${workspaceId}
          and (candidate.id = ${params.prospectId}::bigint
            or (${params.prospectId}::bigint is null and candidate.name_key = ${params.nameKey}
              and candidate.owner_id = me.id))
        limit 1
      ) p on true
      left join people owner on owner.id = p.owner_id`,
    {
      rep_id: read.nullable(people.id),
      rep_time_zone: read.nullable(people.timeZone),
      rep_display_name: people.displayName,
      previous_interaction_id: read.nullable(interactions.id),
      revisit_after_days: read.nullable(workspaceSettings.revisitAfterDays),
      gone_dark_after_unanswered: read.nullable(workspaceSettings.goneDarkAfterUnanswered),
      id: read.nullable(prospects.id),
      owner_id: read.nullable(prospects.ownerId),
      owner_manager_id: people.managerId,
      contact_name: read.nullable(prospects.contactName),
      company: read.nullable(prospects.company),
      hot_button: prospects.hotButton,
      decision_maker: prospects.decisionMaker,
      purchasing_process: prospects.purchasingProcess,
      budget: prospects.budget,
      stakeholder_count: read.count,
      touches: read.json<RecentTouch[]>(),
    },
  );
  if (!row) throw new Error('the log context query returned no row');
  const defaults = defaultWorkspaceSettings(workspaceId);
  const settings = {
    revisitAfterDays: row.revisit_after_days ?? defaults.revisitAfterDays,
    goneDarkAfterUnanswered: row.gone_dark_after_unanswered ?? defaults.goneDarkAfterUnanswered,
  };
  const rep =
    row.rep_id === null
      ? null
      : { id: row.rep_id, timeZone: row.rep_time_zone ?? 'UTC', displayName: row.rep_display_name };
  const previousInteractionId = row.previous_interaction_id;
  if (row.id === null || row.owner_id === null) return { rep, previousInteractionId, target: null, settings };
  return {
    rep,
    previousInteractionId,
    settings,
    target: {
      id: row.id,
      ownerId: row.owner_id,
      ownerManagerId: row.owner_manager_id,
      contactName: row.contact_name ?? '',
      company: row.company ?? '',
      hotButton: row.hot_button,
      decisionMaker: row.decision_maker,
      purchasingProcess: row.purchasing_process,
      budget: row.budget,
      stakeholderCount: row.stakeholder_count,
      recentTouches: row.touches ?? [],
    },
  };
}

export interface LoggedCallWrite {
  workspaceId: string;
  repId: number;
  /** The existing prospect; null creates one owned by the rep from contactName/company/nameKey. */
  prospectId: number | null;
  contactName: string;
  company: string;
  nameKey: string;
  sourceKey: string;
  occurredAt: Date;
  outcome: Interaction['outcome'];
  summary: string | null;
  materialSent: string | null;
  /** Profile fields the rep filled in; null keeps what is stored. */
  profile: ProspectProfile;
  status: ProspectStatus;
  /** The prospect's second-chance date; null clears it (any touch but a "no" makes the deal active again). */
  revisitAt: Date | null;
  stakeholders: string[];
  nextStep: Pick<NextStep, 'dueAt' | 'agreed' | 'valueReason' | 'plan' | 'coachVerdict'> | null;
  /** The coach's verdict on the plan the next step holds. */
  review: { verdict: CoachVerdictKind; reasons: string[] } | null;
}

/**
 * The next call as stored with a logged call; `timeRevision` counts how many times its time has changed: 0 for a
 * call just booked (the calendar invite's SEQUENCE).
 */
export type SavedNextStep = Pick<
  NextStep,
  'id' | 'dueAt' | 'agreed' | 'valueReason' | 'plan' | 'timeRevision'
>;

export interface SavedCall {
  interactionId: number;
  prospect: Pick<typeof prospects.$inferSelect, 'id' | 'contactName' | 'company'>;
  nextStep: SavedNextStep | null;
}

/**
 * Stores the interaction, the prospect (created, or its profile and status updated), new stakeholders, the
 * superseding of its scheduled call, the new next step and the coach's review, in one statement. Undefined
 * when nothing was stored: the source was already logged, or a new prospect of that name appeared meanwhile.
 *
 * The statement's parts all see the same snapshot, so a new prospect gets its profile in its insert and only
 * an existing one is updated (one row is never modified twice in a statement).
 */
export async function saveLoggedCall(db: Database, write: LoggedCallWrite): Promise<SavedCall | undefined> {
  const { workspaceId, repId, profile, nextStep, review } = write;
  const prospectId = write.prospectId;
  // Dates go as ISO text: drizzle's postgres.js setup hands parameters to the driver unserialised.
  const occurredAt = write.occurredAt.toISOString();
  const revisitAt = write.revisitAt?.toISOString() ?? null;
  const [row] = await selectRows(
    db,
    sql`
      with fresh as (
        select not exists (select 1 from interactions
          where workspace_id = ${workspaceId} and source_key = ${write.sourceKey}) as yes
      ),
      created as (
        insert into prospects (workspace_id, owner_id, contact_name, company, name_key, hot_button,
          decision_maker, purchasing_process, budget, status, revisit_at)
        select ${workspaceId}, ${repId}::bigint, ${write.contactName.trim()}, ${write.company.trim()},
          ${write.nameKey}, ${profile.hotButton}::text, ${profile.decisionMaker}::text,
          ${profile.purchasingProcess}::text, ${profile.budget}::text, ${write.status},
          ${revisitAt}::timestamptz
        from fresh where fresh.yes and ${prospectId}::bigint is null
        on conflict do nothing
        returning id, owner_id, contact_name, company
      ),
      updated as (
        update prospects set
          hot_button = coalesce(${profile.hotButton}::text, hot_button),
          decision_maker = coalesce(${profile.decisionMaker}::text, decision_maker),
          purchasing_process = coalesce(${profile.purchasingProcess}::text, purchasing_process),
          budget = coalesce(${profile.budget}::text, budget),
          status = ${write.status}, revisit_at = ${revisitAt}::timestamptz, updated_at = now()
        from fresh
        where fresh.yes and prospects.workspace_id = ${workspaceId} and prospects.id = ${prospectId}::bigint
        returning prospects.id, prospects.owner_id, prospects.contact_name, prospects.company
      ),
      target as (select * from created union all select * from updated),
      interaction as (
        insert into interactions (workspace_id, prospect_id, rep_id, occurred_at, outcome, summary,
          material_sent, material_reviewed, source_key)
        select ${workspaceId}, target.id, ${repId}::bigint, ${occurredAt}::timestamptz, ${write.outcome},
          ${write.summary}::text, ${write.materialSent}::text,
          case when ${write.materialSent}::text is null then null else false end, ${write.sourceKey}
        from target
        on conflict do nothing
        returning id, prospect_id
      ),
      added_stakeholders as (
        insert into stakeholders (workspace_id, prospect_id, name, name_key)
        select ${workspaceId}, interaction.prospect_id, trim(name), lower(trim(name))
        from interaction, jsonb_array_elements_text(${JSON.stringify(write.stakeholders)}::jsonb) as name
        on conflict do nothing
      ),
      superseded as (
        update next_steps set status = 'superseded', updated_at = now()
        from interaction
        where next_steps.workspace_id = ${workspaceId} and next_steps.prospect_id = interaction.prospect_id
          and next_steps.status = 'scheduled'
      ),
      step as (
        insert into next_steps (workspace_id, prospect_id, owner_id, interaction_id, due_at, agreed,
          value_reason, plan, coach_verdict)
        select ${workspaceId}, target.id, target.owner_id, interaction.id, ${nextStep?.dueAt.toISOString() ?? null}::timestamptz,
          ${nextStep?.agreed ?? false}::boolean, ${nextStep?.valueReason ?? null}::text,
          ${nextStep?.plan ?? null}::text,
          ${nextStep?.coachVerdict ?? null}::text
        from interaction join target on target.id = interaction.prospect_id
        where ${nextStep !== null}::boolean
        returning id, time_revision
      ),
      reviewed as (
        insert into coach_reviews (workspace_id, rep_id, prospect_id, verdict, next_step_id, reasons)
        select ${workspaceId}, ${repId}::bigint, interaction.prospect_id, ${review?.verdict ?? null}::text,
          step.id, ${JSON.stringify(review?.reasons ?? [])}::jsonb
        from interaction left join step on true
        where ${review !== null}::boolean
      )
      select interaction.id as interaction_id, target.id as prospect_id, target.contact_name, target.company,
        step.id as step_id, step.time_revision as step_time_revision
      from interaction
      join target on target.id = interaction.prospect_id
      left join step on true`,
    {
      interaction_id: interactions.id,
      prospect_id: prospects.id,
      contact_name: prospects.contactName,
      company: prospects.company,
      step_id: read.nullable(nextSteps.id),
      step_time_revision: read.nullable(nextSteps.timeRevision),
    },
  );
  if (!row) return undefined;
  return {
    interactionId: row.interaction_id,
    prospect: { id: row.prospect_id, contactName: row.contact_name, company: row.company },
    nextStep:
      nextStep && row.step_id !== null
        ? {
            id: row.step_id,
            dueAt: nextStep.dueAt,
            agreed: nextStep.agreed,
            valueReason: nextStep.valueReason,
            plan: nextStep.plan,
            timeRevision: row.step_time_revision ?? 0,
          }
        : null,
  };
}
