import { readdirSync, readFileSync } from 'node:fs';
import type { App } from '@slack/bolt';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Database } from '../src/db/client.js';
import { defaultWorkspaceSettings } from '../src/domain/settings.js';
import { createLogger } from '../src/logger.js';
import { renderDigestMessage } from '../src/slack/blocks/digest.js';
import { renderHomeView } from '../src/slack/blocks/home.js';
import { logModalMetadata, renderLogModal, renderMoreAboutThemView } from '../src/slack/blocks/log-modal.js';
import { nextStepActions } from '../src/slack/blocks/next-step-item.js';
import { renderRescheduleModal, renderSnoozePickDateModal } from '../src/slack/blocks/reschedule-modal.js';
import { renderSettingsModal } from '../src/slack/blocks/settings-modal.js';
import {
  ACTIONS,
  CALLBACK_IDS,
  COMMAND,
  LOG_BLOCKS,
  MORE_BLOCKS,
  RESCHEDULE_BLOCKS,
  SETTINGS_BLOCKS,
} from '../src/slack/ids.js';
import { REDIRECT_PATH } from '../src/slack/install/install-pages.js';
import { BOT_SCOPES } from '../src/slack/install/oauth-options.js';
import { SUBCOMMANDS } from '../src/slack/listeners/commands/index.js';
import { registerListeners } from '../src/slack/listeners/index.js';

/** Slack's published manifest schema (slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json). */
const schema = JSON.parse(
  readFileSync(new URL('./fixtures/slack-manifest.schema.json', import.meta.url), 'utf8'),
);
const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8')) as {
  display_information: { name: string };
  features: {
    slash_commands: Array<{ command: string; description: string; usage_hint: string }>;
    shortcuts: Array<{ name: string; type: string; callback_id: string }>;
  };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url?: string };
  };
};

/**
 * The bot scopes each Web API method the app calls needs, from the method's page at
 * https://api.slack.com/methods/<method> ("Required scopes"). chat.postMessage posts in the manager's channel,
 * which the bot need not have joined when it is public: that is chat:write.public. conversations.info reads
 * public channels with channels:read and private ones with groups:read. conversations.open and
 * conversations.history are called for the app's own DMs only (im:write, im:history).
 */
const SCOPES_OF_METHOD: Record<string, readonly string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write', 'chat:write.public'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.open': ['im:write'],
  'conversations.history': ['im:history'],
  'users.info': ['users:read'],
  'views.open': [],
  'views.update': [],
  'views.push': [],
  'views.publish': [],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
};

/**
 * WebClient's own methods that call several Web API methods: filesUploadV2 asks for an upload URL, posts the
 * bytes there and completes the upload (packages/web-api/src/WebClient.ts in slackapi/node-slack-sdk).
 */
const METHODS_OF_WRAPPER: Record<string, readonly string[]> = {
  filesUploadV2: ['files.getUploadURLExternal', 'files.completeUploadExternal'],
};

/** Scopes an event subscription needs (https://api.slack.com/events/<event>, "Required scopes"). */
const SCOPES_OF_EVENT: Record<string, readonly string[]> = {
  app_home_opened: [],
  app_uninstalled: [],
  tokens_revoked: [],
  user_change: ['users:read'],
};

/** Every `client.<family>.<method>(` in src/, including calls made through a job's or a listener's client. */
function webApiMethodsCalled(): string[] {
  const methods = new Set<string>();
  const walk = (dir: URL) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(new URL(`${entry.name}/`, dir));
      else if (entry.name.endsWith('.ts')) {
        const source = readFileSync(new URL(entry.name, dir), 'utf8');
        for (const match of source.matchAll(/\bclient\??\.(\w+)\.(\w+)\(/g))
          methods.add(`${match[1]}.${match[2]}`);
        for (const match of source.matchAll(/\bclient\??\.(\w+)\(/g))
          for (const method of METHODS_OF_WRAPPER[match[1] ?? ''] ?? []) methods.add(method);
      }
    }
  };
  walk(new URL('../src/', import.meta.url));
  return [...methods].sort();
}

/** Records what registerListeners asks Bolt to listen to, without starting anything. */
function registeredListeners() {
  const seen = {
    commands: [] as string[],
    views: [] as string[],
    actions: [] as string[],
    shortcuts: [] as string[],
    events: [] as string[],
    options: [] as string[],
  };
  const recorder = {
    command: (name: string) => seen.commands.push(name),
    view: (id: string | { callback_id: string }) =>
      seen.views.push(typeof id === 'string' ? id : id.callback_id),
    action: (id: string) => seen.actions.push(id),
    shortcut: (id: string) => seen.shortcuts.push(id),
    event: (name: string) => seen.events.push(name),
    options: (constraints: { action_id: string }) => seen.options.push(constraints.action_id),
  };
  registerListeners(recorder as unknown as App, {
    db: {} as Database,
    now: () => new Date(0),
    logger: createLogger('error', () => {}),
    sendMessage: async () => ({ ok: true, ts: null }),
  });
  return seen;
}

/** Every id an object carries under these keys, however deep. */
function idsIn(value: unknown, key: 'block_id' | 'action_id' | 'callback_id', out = new Set<string>()) {
  if (Array.isArray(value)) for (const item of value) idsIn(item, key, out);
  else if (value && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) {
      if (name === key && typeof inner === 'string') out.add(inner);
      else idsIn(inner, key, out);
    }
  }
  return out;
}

/** Every modal and button the app renders, with the inputs a new prospect is asked for. */
function renderedSurfaces(): unknown[] {
  const target = {
    nextStepId: 1,
    contactName: 'Dana',
    company: 'Acme',
    dueLabel: 'Tue 3 Jun',
    fromHome: false,
  };
  const page = { rows: [], total: 0 };
  return [
    renderLogModal({ prospect: null, typedName: '', summary: '', fromHome: false, nextCallAt: null }),
    renderMoreAboutThemView({
      rootViewId: 'V1',
      root: logModalMetadata({
        prospect: null,
        typedName: '',
        summary: '',
        fromHome: false,
        nextCallAt: null,
      }),
      prospect: null,
    }),
    renderSettingsModal(defaultWorkspaceSettings('T1')),
    renderRescheduleModal({ ...target, dueAt: new Date(0) }),
    renderSnoozePickDateModal({ ...target, dueDay: '2026-06-03' }),
    nextStepActions(1, 'all'),
    renderHomeView({
      day: '2026-06-03',
      timeZone: 'UTC',
      overdue: page,
      today: page,
      stalled: page,
      revisit: page,
    }),
    renderDigestMessage({
      teamId: 'T1',
      timeZone: 'UTC',
      managerSlackUserId: 'UMGR',
      digest: {
        reps: [
          {
            repId: 1,
            name: 'Rep',
            completionPercent: null,
            agreedPercent: null,
            rejectedPercent: null,
            stalled: [
              {
                deal: {
                  prospectId: 1,
                  ownerId: 1,
                  contactName: 'Dana',
                  company: 'Acme',
                  status: 'active',
                  createdAt: new Date(0),
                  pausedUntil: null,
                  pauseReason: null,
                  revisitAt: null,
                  lastRealContactAt: null,
                  recentOutcomes: [],
                  valueTouches: 0,
                  askTouches: 0,
                  stakeholderCount: 0,
                  nextStep: null,
                },
                reasons: [{ kind: 'single_threaded' }],
              },
            ],
            notes: [],
            paused: [],
          },
        ],
        stalledCount: 1,
        ownerLeft: [],
      },
      slackUserIds: new Map([[1, 'UREP']]),
      late: false,
    }).blocks,
  ];
}

describe('manifest.yml', () => {
  it('is valid against Slack’s manifest schema', () => {
    const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is checked for real: the schema refuses a manifest Slack would refuse', () => {
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    const broken = structuredClone(manifest) as unknown as Record<string, Record<string, unknown>>;
    (broken.settings as Record<string, unknown>).surprise = true;
    (broken.display_information as Record<string, unknown>).name = 'x'.repeat(36);
    expect(validate(broken)).toBe(false);
  });

  it('follows the platform rules the schema leaves loose', () => {
    expect(manifest.display_information.name).toBe('Follow-Up Coach');
    for (const command of manifest.features.slash_commands) {
      expect(command.command.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeGreaterThan(0);
    }
    for (const shortcut of manifest.features.shortcuts) expect(shortcut.name.length).toBeLessThanOrEqual(24);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('asks for no scope the app does not use, and for every scope what it calls needs', () => {
    const needed = new Set<string>();
    const explain = (scopes: readonly string[] | undefined, what: string) => {
      expect(scopes, `no scope is known for ${what}: add it from its Slack reference page`).toBeDefined();
      for (const scope of scopes ?? []) needed.add(scope);
    };
    for (const method of webApiMethodsCalled()) explain(SCOPES_OF_METHOD[method], method);
    for (const event of manifest.settings.event_subscriptions.bot_events)
      explain(SCOPES_OF_EVENT[event], event);
    if (manifest.features.slash_commands.length + manifest.features.shortcuts.length > 0)
      needed.add('commands');
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('agrees with ids.ts and the listeners the app registers', () => {
    const seen = registeredListeners();
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual([COMMAND]);
    expect(seen.commands).toEqual([COMMAND]);
    const hinted = manifest.features.slash_commands[0]?.usage_hint
      .split('|')
      .map((part) => part.trim().split(' ')[0]);
    expect(hinted?.sort()).toEqual(SUBCOMMANDS.map((subcommand) => subcommand.name).sort());
    const shortcutIds = manifest.features.shortcuts.map((shortcut) => shortcut.callback_id);
    expect(shortcutIds).toEqual([CALLBACK_IDS.logFromMessage]);
    expect(seen.shortcuts).toEqual(shortcutIds);
    expect([...seen.events].sort()).toEqual([...manifest.settings.event_subscriptions.bot_events].sort());
    const callbackIds: string[] = Object.values(CALLBACK_IDS);
    for (const view of seen.views) expect(callbackIds).toContain(view);
    const actionIds: string[] = Object.values(ACTIONS);
    for (const action of seen.actions) expect(actionIds).toContain(action);
    // The buttons every message and the Home tab carry must have a listener.
    for (const action of [
      ACTIONS.logOutcome,
      ACTIONS.reschedule,
      ACTIONS.markDone,
      ACTIONS.snooze,
      ACTIONS.logNewCall,
    ]) {
      expect(seen.actions).toContain(action);
    }
    for (const view of [CALLBACK_IDS.logInteraction, CALLBACK_IDS.reschedule, CALLBACK_IDS.snoozePickDate]) {
      expect(seen.views).toContain(view);
    }
  });

  it('serves the log modal’s typeahead at the options load URL the manifest names', () => {
    // An external_select loads its options from settings.interactivity.message_menu_options_url (Slack's
    // manifest reference: the Options Load URL); Bolt answers it at the same path as every interaction.
    expect(registeredListeners().options).toEqual([LOG_BLOCKS.prospect]);
    expect(manifest.settings.interactivity.message_menu_options_url).toBe(
      manifest.settings.interactivity.request_url,
    );
  });

  it('asks for the same bot scopes through OAuth, and sends Slack back to the route the app serves', () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    expect(manifest.oauth_config.redirect_urls.map((url) => new URL(url).pathname)).toEqual([REDIRECT_PATH]);
  });

  it('leaves nothing in ids.ts unused: every callback id and action has a listener and a surface that carries it', () => {
    const seen = registeredListeners();
    const surfaces = renderedSurfaces();
    expect([...new Set([...seen.views, ...seen.shortcuts])].sort()).toEqual(
      Object.values(CALLBACK_IDS).sort(),
    );
    const rendered = [...idsIn(surfaces, 'callback_id')];
    const shortcutIds = manifest.features.shortcuts.map((shortcut) => shortcut.callback_id);
    expect([...rendered, ...shortcutIds].sort()).toEqual(Object.values(CALLBACK_IDS).sort());
    expect([...new Set(seen.actions)].sort()).toEqual(Object.values(ACTIONS).sort());
    const buttons = idsIn(surfaces, 'action_id');
    for (const action of Object.values(ACTIONS)) expect(buttons).toContain(action);
  });

  it('names every input block of every modal in ids.ts, and renders every input block ids.ts names', () => {
    const blockIds: string[] = [
      ...Object.values(LOG_BLOCKS),
      ...Object.values(MORE_BLOCKS),
      ...Object.values(SETTINGS_BLOCKS),
      ...Object.values(RESCHEDULE_BLOCKS),
    ];
    const modals = renderedSurfaces().filter(
      (surface): surface is { type: 'modal'; blocks: Array<{ type: string; block_id?: string }> } =>
        (surface as { type?: string }).type === 'modal',
    );
    const inputs = modals.flatMap((modal) =>
      modal.blocks.filter((block) => block.type === 'input').map((block) => block.block_id),
    );
    expect([...new Set(inputs)].sort()).toEqual([...new Set(blockIds)].sort());
  });
});
