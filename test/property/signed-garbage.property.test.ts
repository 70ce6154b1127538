import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, CALLBACK_IDS, SETTINGS_BLOCKS } from '../../src/slack/ids.js';
import { SUBCOMMANDS } from '../../src/slack/listeners/commands/index.js';
import { logValues } from '../slack/log-values.js';
import {
  blockActionsPayload,
  eventCallback,
  messageShortcutPayload,
  type ReceiverResponse,
  sendEvent,
  sendSignedRequest,
  viewSubmissionPayload,
} from '../support/signed-requests.js';
import { TEST_SIGNING_SECRET, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';

const NOW = new Date('2026-05-04T09:00:00Z');
const REP = 'U0FUZZ';
/** Thousands of requests in all, yet about half a minute on two cores. */
const RUNS_PER_KIND = 400;
/** About half a minute alone; a second test run beside it on the same two cores can make that several. */
const PROPERTY_DEADLINE_MS = 600_000;
/** Far past any answer the app gives (Slack itself gives up at 3 s): a request still open then has hung. */
const HUNG_AFTER_MS = 10_000;

/** Values Slack never sends where the app expects something else. */
const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 20 }).map((text) => `${text}\u0000${text}`),
  fc.string({ minLength: 3001, maxLength: 6000 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', '9999-99-99', '25:61', 'null', '{"prospectId":1e300}'),
  fc.integer(),
  fc.constantFrom(2 ** 31, 2 ** 53 + 1, -1, 0, 1e300, -1e300, Number.MAX_SAFE_INTEGER, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
);

/**
 * A slash command is a form: every field Slack sends is text. A bent value goes as its JSON (String() of an
 * object such as {"toString": ""} throws), and a field bent away is left out.
 */
function asFormFields(fields: Record<string, unknown>): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    text[name] = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  }
  return text;
}

const number = (value: string) => ({ value: { type: 'number_input', value } });
const settingsValues = {
  [SETTINGS_BLOCKS.managerChannel]: {
    value: { type: 'conversations_select', selected_conversation: 'C0SALES' },
  },
  [SETTINGS_BLOCKS.digestTime]: { value: { type: 'timepicker', selected_time: '08:45' } },
  [SETTINGS_BLOCKS.weekdays]: { value: { type: 'checkboxes', selected_options: [{ value: '1' }] } },
  [SETTINGS_BLOCKS.staleAfterDays]: number('10'),
  [SETTINGS_BLOCKS.goneDark]: number('4'),
  [SETTINGS_BLOCKS.minValuePercent]: number('70'),
  [SETTINGS_BLOCKS.reminderLead]: number('20'),
};
const inTwoDays = Math.floor(NOW.getTime() / 1000) + 2 * 86_400;

/** One well-formed payload of each kind the app handles, and some it does not; the fuzzer bends them. */
function interactionBases(): Record<string, unknown>[] {
  const message = { channel: 'D0FUZZ', ts: '1777885200.000100' };
  const home = { id: 'V0HOME', type: 'home' as const };
  const action = (action_id: string, extra: Record<string, unknown>, where: 'message' | 'home') =>
    blockActionsPayload({
      user: REP,
      team: TEST_TEAM,
      actions: [{ action_id, block_id: 'next_step', type: 'button', ...extra }],
      ...(where === 'message' ? { message } : { view: home }),
    });
  const submission = (callback_id: string, values: object, private_metadata = '') =>
    viewSubmissionPayload({
      user: REP,
      team: TEST_TEAM,
      callback_id,
      values: values as never,
      private_metadata,
    });
  return [
    action(ACTIONS.markDone, { value: '1' }, 'message'),
    action(ACTIONS.reschedule, { value: '1' }, 'home'),
    action(ACTIONS.logOutcome, { value: '1' }, 'message'),
    action(ACTIONS.logNewCall, { value: 'new' }, 'home'),
    action(ACTIONS.snooze, { type: 'overflow', selected_option: { value: '1:1d' } }, 'message'),
    action('an_action_nobody_handles', { value: '1' }, 'message'),
    submission(
      CALLBACK_IDS.logInteraction,
      logValues({
        prospect: 'Dana Fox',
        company: 'Fabrikam',
        nextCallAt: new Date(NOW.getTime() + 2 * 86_400_000),
        valueReason: 'price_drop',
        plan: 'The X200 price drops 15% on 1 July: show Dana the new quote',
      }),
      '{"prospectId":1,"fromHome":true}',
    ),
    submission(
      CALLBACK_IDS.reschedule,
      { due_at: { due_at: { type: 'datetimepicker', selected_date_time: inTwoDays } } },
      '{"nextStepId":1,"fromHome":false}',
    ),
    submission(
      CALLBACK_IDS.snoozePickDate,
      { date: { date: { type: 'datepicker', selected_date: '2026-06-01' } } },
      '{"nextStepId":1,"fromHome":false}',
    ),
    submission(CALLBACK_IDS.settings, settingsValues),
    submission('a_modal_nobody_handles', {}),
    messageShortcutPayload({
      user: REP,
      team: TEST_TEAM,
      callback_id: CALLBACK_IDS.logFromMessage,
      channel: 'C0DEALS',
      message: { ts: '1777885200.000200', text: 'Acme wants a quote by Friday' },
    }),
  ];
}

const eventBases: Record<string, unknown>[] = [
  { type: 'app_home_opened', user: REP, channel: 'D0FUZZ', tab: 'home' },
  { type: 'user_change', user: { id: REP, tz: 'Europe/Paris', real_name: 'Fuzz' } },
  { type: 'tokens_revoked', tokens: { bot: ['U0BOT'] } },
  { type: 'an_event_nobody_handles', user: REP },
];

/** Every path to a value in `value`, except where Slack's own URLs live (the app would call them). */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([key]) => key !== 'response_url' && key !== 'response_urls',
  );
  return [prefix, ...entries.flatMap(([key, inner]) => leafPaths(inner, [...prefix, key]))];
}

function bend<T>(base: T, mutations: [number, unknown][]): T {
  const copy = structuredClone(base) as unknown;
  const paths = leafPaths(copy).filter((path) => path.length > 0);
  for (const [pick, replacement] of mutations) {
    const path = paths[pick % paths.length] ?? [];
    let holder = copy as Record<string, unknown>;
    for (const key of path.slice(0, -1)) {
      if (holder[key] === null || typeof holder[key] !== 'object') break;
      holder = holder[key] as Record<string, unknown>;
    }
    const last = path.at(-1);
    if (last !== undefined) holder[last] = replacement;
  }
  return copy as T;
}

const mutations = fc.array(fc.tuple(fc.nat(), wild), { minLength: 1, maxLength: 4 });

describe('signed garbage through the real receiver [pglite]', () => {
  const statuses = new Map<number, number>();

  const t = useSlackTestApp({
    engine: 'pglite',
    now: NOW,
    fakeOptions: {
      users: [{ id: REP, tz: 'America/Chicago' }],
      rateLimits: { 'chat.postMessage': [], 'views.open': [], 'views.publish': [] },
    },
  });
  beforeAll(async () => {
    // A real call and next step (ids 1), so bent ids sometimes name a record that exists.
    await t.sendInteraction(interactionBases()[6] as Record<string, unknown>);
  });

  /** The request must be answered (no hang), never 5xx, and never after Bolt's 3 s no-ack fallback (404). */
  async function expectAnswered(send: () => Promise<ReceiverResponse>) {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the request hung')), HUNG_AFTER_MS);
    });
    // Sent from a then, so a throw while building the request still clears the timer.
    const response = await Promise.race([Promise.resolve().then(send), hung]).finally(() =>
      clearTimeout(timer),
    );
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    expect([200, 401, 413]).toContain(response.status);
  }

  const failedQueries = () => t.logs.filter((line) => /failed query|database error/.test(line));

  it('answers bent interactions (known and unknown callbacks and actions) at once', {
    timeout: PROPERTY_DEADLINE_MS,
  }, async () => {
    const bases = interactionBases();
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutations, async (pick, bends) => {
        const payload = bend(bases[pick % bases.length], bends) as Record<string, unknown>;
        await expectAnswered(() => t.sendInteraction(payload));
      }),
      { numRuns: RUNS_PER_KIND * 2 },
    );
    expect(failedQueries()).toEqual([]);
  });

  it('answers bent slash commands', { timeout: PROPERTY_DEADLINE_MS }, async () => {
    const names = [...SUBCOMMANDS.map((subcommand) => subcommand.name), 'nonsense'];
    await fc.assert(
      fc.asyncProperty(fc.nat(), wild, mutations, async (pick, tail, bends) => {
        const text = `${names[pick % names.length]} ${typeof tail === 'string' ? tail : JSON.stringify(tail)}`;
        const fields = asFormFields(bend({ text, channel_id: 'D0FUZZ', user_name: 'fuzz' }, bends));
        await expectAnswered(() => t.sendCommand(fields.text ?? '', REP, fields));
      }),
      { numRuns: RUNS_PER_KIND },
    );
    expect(failedQueries()).toEqual([]);
  });

  it('answers bent events, handled or not', { timeout: PROPERTY_DEADLINE_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), mutations, fc.boolean(), async (pick, bends, bendEnvelope) => {
        const event = eventBases[pick % eventBases.length] as { type: string };
        const envelope = eventCallback(event, { team_id: TEST_TEAM });
        const sent = bendEnvelope ? bend(envelope, bends) : { ...envelope, event: bend(event, bends) };
        await expectAnswered(() => sendEvent(t.baseUrl, TEST_SIGNING_SECRET, sent));
      }),
      { numRuns: RUNS_PER_KIND },
    );
    expect(failedQueries()).toEqual([]);
  });

  it('answers any signed body, JSON or not, including payload=null', {
    timeout: PROPERTY_DEADLINE_MS,
  }, async () => {
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((json) => `payload=${encodeURIComponent(JSON.stringify(json))}`),
      fc.string().map((text) => `payload=${encodeURIComponent(text)}`),
      fc.string(),
      fc.constantFrom('payload=null', 'payload=', 'payload=%7B', 'payload=[]', 'payload=1'),
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('application/x-www-form-urlencoded', 'application/json'),
        async (text, type) => {
          await expectAnswered(() => sendSignedRequest(t.baseUrl, TEST_SIGNING_SECRET, text, type));
        },
      ),
      { numRuns: RUNS_PER_KIND },
    );
    expect(failedQueries()).toEqual([]);
    expect(statuses.get(404)).toBeUndefined();
  });
});
