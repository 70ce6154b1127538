import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { z } from 'zod';
import type { SlackDependencies } from '../dependencies.js';

/**
 * Slack's ids: upper-case letters and digits (`T0123ABCD`, `U0123ABCD`, `E012`...). Anything else in an id
 * field is not from Slack and must not reach a query.
 */
export const slackId = z.string().regex(/^[A-Z0-9]{1,40}$/);

const person = z.looseObject({ id: slackId, team_id: slackId.optional() });
const team = z.looseObject({ id: slackId }).nullish();
/** A response_url or trigger_id is Slack's; only its type matters here, Slack refuses a forged one. */
const handle = z.string().max(2000);
const element = z.looseObject({ type: z.string() });
const viewState = z.looseObject({ values: z.record(z.string(), z.record(z.string(), element)) });

/**
 * The fields each kind of payload the listeners read, with their types: a payload that does not fit is never
 * handed to a listener, so no listener and no query meets a missing field, a number where text belongs, or a
 * forged id. The listeners' own parsers (payloads.ts) then read the values.
 */
const PAYLOAD_SHAPES = {
  command: z.looseObject({
    command: z.string(),
    text: z.string(),
    user_id: slackId,
    team_id: slackId,
    trigger_id: handle,
    response_url: handle,
  }),
  block_actions: z.looseObject({
    user: person,
    team,
    trigger_id: handle,
    response_url: handle.optional(),
    actions: z
      .array(
        z.looseObject({
          action_id: z.string(),
          type: z.string(),
          value: z.string().optional(),
          selected_option: z.looseObject({ value: z.string() }).nullish(),
        }),
      )
      .min(1),
    view: z.looseObject({ id: slackId, type: z.string() }).optional(),
  }),
  view_submission: z.looseObject({
    user: person,
    team,
    view: z.looseObject({
      // A view id (`V0123ABCD`) keys the stored call against a resubmission: a forged one of thousands of
      // characters overflowed that index (PostgreSQL 54000) before this.
      id: slackId,
      callback_id: z.string(),
      team_id: slackId.optional(),
      private_metadata: z.string(),
      state: viewState,
    }),
  }),
  view_closed: z.looseObject({ user: person, team }),
  /** What a rep typed in the log modal's prospect typeahead (an external_select). */
  block_suggestion: z.looseObject({ user: person, team, action_id: z.string(), value: z.string() }),
  message_action: z.looseObject({
    callback_id: z.string(),
    trigger_id: handle,
    user: person,
    team,
    message: z.looseObject({ text: z.string().optional() }),
  }),
  shortcut: z.looseObject({ callback_id: z.string(), trigger_id: handle, user: person, team }),
  event_callback: z.looseObject({
    team_id: slackId,
    event_id: z.string(),
    event: z.looseObject({ type: z.string() }),
  }),
} as const;

/** The events a listener reads fields of, and those fields. */
const EVENT_SHAPES: Record<string, z.ZodType> = {
  app_home_opened: z.looseObject({ user: slackId, tab: z.string() }),
  user_change: z.looseObject({
    user: z.looseObject({
      id: slackId,
      tz: z.string().optional(),
      real_name: z.string().optional(),
      deleted: z.boolean().optional(),
    }),
  }),
  tokens_revoked: z.looseObject({ tokens: z.looseObject({ bot: z.array(z.string()).optional() }) }),
};

export const UNREADABLE_REQUEST =
  'Slack sent Follow-Up Coach something it could not read, so nothing was changed. Try again; if it happens again, tell whoever runs the app.';

type PayloadKind = keyof typeof PAYLOAD_SHAPES;

/** The kinds Bolt routes by `type` alone (after events, commands, options and actions). */
const ROUTED_BY_TYPE: readonly PayloadKind[] = [
  'shortcut',
  'message_action',
  'view_submission',
  'view_closed',
];

/**
 * Which shape a body must have, decided in the order Bolt routes it (its getTypeAndConversation); undefined
 * for a body Bolt routes nowhere, which it would leave unanswered for 3 s, or legacy dialog options, which
 * nothing here serves.
 */
export function payloadKindOf(body: Record<string, unknown>): PayloadKind | undefined {
  if (body.event !== undefined) return 'event_callback';
  if (body.command !== undefined) return 'command';
  if (body.name !== undefined) return undefined;
  if (body.type === 'block_suggestion') return 'block_suggestion';
  if (body.actions !== undefined || body.type === 'dialog_submission') return 'block_actions';
  return ROUTED_BY_TYPE.find((kind) => kind === body.type);
}

/**
 * Whether every workspace id a body names looks like Slack's. Bolt hands them to `authorize` (an
 * installation lookup with several workspaces) before any middleware runs, so a forged one stops at the door.
 */
export function namesWorkspacesLikeSlack(body: Record<string, unknown>): boolean {
  const nested = (key: string, field: string) =>
    (body[key] as Record<string, unknown> | null | undefined)?.[field];
  const ids = [
    body.team_id,
    body.enterprise_id,
    nested('team', 'id'),
    nested('enterprise', 'id'),
    nested('user', 'team_id'),
    nested('view', 'team_id'),
  ];
  // Outside Enterprise Grid Slack may send an empty enterprise id (`enterprise: { id: '', name: '' }` on block
  // actions, bolt-js#521; `enterprise_id` "" in non-enterprise workspaces, deno-slack-runtime#38): it means none.
  return ids.every((id) => id === undefined || id === null || id === '' || slackId.safeParse(id).success);
}

/** Reads a body against its shape; the event inside an event_callback against its own. */
export function fitsPayloadShape(kind: PayloadKind, body: unknown): boolean {
  const parsed = PAYLOAD_SHAPES[kind].safeParse(body);
  if (!parsed.success) return false;
  if (kind !== 'event_callback') return true;
  const event = (body as { event: { type: string } }).event;
  return EVENT_SHAPES[event.type]?.safeParse(event).success ?? true;
}

/** The person behind a payload, when it names one in a form Slack would. */
function personOf(body: Record<string, unknown>): string | undefined {
  const user = body.user_id ?? (body.user as { id?: unknown } | undefined)?.id;
  return slackId.safeParse(user).data;
}

/**
 * Removes NUL characters from every string of a payload, in place (the listeners read the same objects).
 * PostgreSQL text cannot hold them, and nobody types one on purpose: a pasted one is dropped, not refused.
 */
export function stripNulCharacters(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = stripNulCharacters(value[index]);
    return value;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = stripNulCharacters(record[key]);
  }
  return value;
}

/**
 * The first global middleware. Every payload is cleaned of NULs and read against its shape before any
 * listener runs; one that does not fit is acked and, when a person is behind it, answered privately. Once the
 * listeners are done, a request none of them acked (an unknown callback or action) is acked then and there,
 * instead of after Bolt's 3 s wait.
 */
export function guardPayloads(dependencies: SlackDependencies): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = stripNulCharacters(args.body) as Record<string, unknown>;
    const ack = 'ack' in args && typeof args.ack === 'function' ? args.ack : undefined;
    const kind = payloadKindOf(body);
    if (!kind || !fitsPayloadShape(kind, body)) {
      dependencies.logger.warn(`a ${kind ?? 'payload of unknown kind'} did not fit its shape; not handled`);
      await ack?.();
      await tellPerson(args, body);
      return;
    }
    try {
      await args.next();
    } finally {
      await ackIfNobodyDid(ack);
    }
  };
}

async function tellPerson(args: AnyMiddlewareArgs & AllMiddlewareArgs, body: Record<string, unknown>) {
  const user = personOf(body);
  if (!user) return;
  const respond = 'respond' in args ? args.respond : undefined;
  try {
    if (respond) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: UNREADABLE_REQUEST });
    } else {
      await args.client.chat.postMessage({ channel: user, text: UNREADABLE_REQUEST });
    }
  } catch (error) {
    args.logger.warn('could not tell the person their request was unreadable', error);
  }
}

/** Bolt's ack refuses a second call (HTTP throws, Socket Mode logs): the first call is the listener's. */
async function ackIfNobodyDid(ack: (() => Promise<void>) | undefined): Promise<void> {
  try {
    await ack?.();
  } catch {
    // Already acked by the listener.
  }
}
