import type { types } from '@slack/bolt';
import { PLAN_MAX_LENGTH } from '../../domain/coach/index.js';
import {
  OUTCOME_LABELS,
  OUTCOMES,
  type ProspectProfile,
  type ProspectStatus,
  VALUE_REASON_LABELS,
  VALUE_REASONS,
} from '../../domain/vocabulary.js';
import { ACTIONS, CALLBACK_IDS, LOG_BLOCKS, MORE_BLOCKS } from '../ids.js';
import { type NextStepItem, nextStepText } from './next-step-item.js';
import { clip, context, escapeMrkdwn, plain } from './text.js';
import type { PressedMessage } from './view-models.js';

export const NAME_MAX_LENGTH = 150;
/** "One short line each": the profile questions of the second step. */
export const PROFILE_LINE_MAX_LENGTH = 100;
export const COMPANY_MAX_LENGTH = 150;
export const MATERIAL_MAX_LENGTH = 150;
export const STAKEHOLDERS_MAX_LENGTH = 200;
/**
 * The second step's answers travel back to the first view in its private_metadata (Slack: at most 3000
 * characters), so the notes are kept to what fits beside the other answers.
 */
export const NOTES_MAX_LENGTH = 1000;
export const PRIVATE_METADATA_MAX_LENGTH = 3000;
/** The first view asks at most this many questions: Slack's guidance is to paginate beyond about six. */
export const FIRST_VIEW_MAX_INPUTS = 6;
/** "You planned: ..." on a logged call: one glance, not the whole plan. */
const PLANNED_CALL_MAX_LENGTH = 300;

/** Option values of the prospect typeahead; Slack caps an option value at 150 characters. */
const KNOWN_PROSPECT = 'prospect:';
const NEW_PROSPECT = 'new:';
const OPTION_VALUE_MAX = 150;
const OPTION_TEXT_MAX = 75;
/** Of the 150: the rest is the company's. */
const NEW_NAME_IN_OPTION = 90;

/** The answers of the "More about them" step; every one optional. */
export interface MoreAboutThem {
  company: string | null;
  summary: string | null;
  hotButton: string | null;
  decisionMaker: string | null;
  purchasingProcess: string | null;
  budget: string | null;
  materialSent: string | null;
  stakeholders: string | null;
}

export const NO_MORE_ANSWERS: MoreAboutThem = {
  company: null,
  summary: null,
  hotButton: null,
  decisionMaker: null,
  purchasingProcess: null,
  budget: null,
  materialSent: null,
  stakeholders: null,
};

export interface ProspectOption {
  text: string;
  value: string;
}

/**
 * Everything the first view is drawn from. It is the view's private_metadata as well, so the view can be
 * drawn again, unchanged, when the rep comes back from the second step with its answers.
 */
export interface LogModalMetadata {
  /** The typeahead's starting choice: a known prospect or a new one named as typed. */
  prospect: ProspectOption | null;
  /** Unix seconds. */
  nextCallAt: number | null;
  /** The call being logged, as the rep planned it. */
  planned: string | null;
  /** Opened from a Home tab button: that Home is republished after the save, as Slack does not refresh it. */
  fromHome: boolean;
  more: MoreAboutThem;
  /** Opened from a call's "Log outcome" in a message: that call there is settled once the log is saved. */
  settles?: PressedCall | undefined;
}

/** A call's buttons in a message, by the message's channel and ts and the call's next step. */
export type PressedCall = PressedMessage & { nextStepId: number };

export interface KnownProspect {
  id: number;
  contactName: string;
  company: string;
  status?: ProspectStatus;
}

export interface LogModalModel {
  /** The known prospect to start with, or null. */
  prospect: KnownProspect | null;
  /** Offered as a new prospect when no known one was found. */
  typedName: string;
  /** The call's notes so far (a message the modal was opened from). */
  summary: string;
  fromHome: boolean;
  /** Where the next call time starts. */
  nextCallAt: Date | null;
  /** Opened from "Log outcome": the call being logged, shown so the rep sees what they meant to bring. */
  plannedCall?: NextStepItem;
  settles?: PressedCall | undefined;
}

/** The first view's state for a fresh modal. */
export function logModalMetadata(model: LogModalModel): LogModalMetadata {
  const typed = model.typedName.trim();
  return {
    prospect: model.prospect ? knownProspectOption(model.prospect) : typed ? newProspectOption(typed) : null,
    nextCallAt: model.nextCallAt ? Math.floor(model.nextCallAt.getTime() / 1000) : null,
    planned: model.plannedCall ? clip(nextStepText(model.plannedCall, 1500), PLANNED_CALL_MAX_LENGTH) : null,
    fromHome: model.fromHome,
    ...(model.settles ? { settles: model.settles } : {}),
    more: {
      ...NO_MORE_ANSWERS,
      summary: model.summary.trim() ? clip(model.summary.trim(), NOTES_MAX_LENGTH) : null,
    },
  };
}

export function renderLogModal(model: LogModalModel): types.ModalView {
  return renderLogModalFrom(logModalMetadata(model));
}

/**
 * The log modal's first view: who, outcome, next call, agreed, what you will bring them (and, while the
 * coach cannot name the kind of reason itself, an optional pick of it), then a button to the optional
 * second step. Every input's action_id equals its block_id, so scripts can fill it by block id alone, and
 * drawing the same metadata gives the same inputs, which is what lets Slack keep what the rep typed when
 * the view is updated (views.update, "Preserving input entry").
 */
export function renderLogModalFrom(metadata: LogModalMetadata): types.ModalView {
  const answered = moreSummary(metadata.more);
  const blocks: types.KnownBlock[] = [
    ...(metadata.planned ? [context(`*You planned:* ${metadata.planned}`)] : []),
    {
      type: 'input',
      block_id: LOG_BLOCKS.prospect,
      label: plain('Who did you talk to? (required)', 2000),
      hint: plain('Type a first name or company. Someone new: type "Name, Company" and pick "New prospect".'),
      element: {
        type: 'external_select',
        action_id: LOG_BLOCKS.prospect,
        min_query_length: 1,
        placeholder: plain('Name or company', 150),
        ...(metadata.prospect
          ? { initial_option: option(metadata.prospect.value, metadata.prospect.text) }
          : {}),
      },
    },
    {
      type: 'input',
      block_id: LOG_BLOCKS.outcome,
      label: plain('How did it go? (required)', 2000),
      element: {
        type: 'static_select',
        action_id: LOG_BLOCKS.outcome,
        placeholder: plain('Outcome', 150),
        options: OUTCOMES.map((outcome) => option(outcome, OUTCOME_LABELS[outcome])),
      },
    },
    {
      type: 'input',
      block_id: LOG_BLOCKS.nextCallAt,
      label: plain('Next call (required)', 2000),
      hint: plain('Won, lost or not interested: leave it, and they go on a revisit date instead.', 2000),
      element: {
        type: 'datetimepicker',
        action_id: LOG_BLOCKS.nextCallAt,
        ...(metadata.nextCallAt ? { initial_date_time: metadata.nextCallAt } : {}),
      },
    },
    {
      type: 'input',
      block_id: LOG_BLOCKS.agreed,
      optional: true,
      label: plain('Agreed?', 2000),
      element: {
        type: 'checkboxes',
        action_id: LOG_BLOCKS.agreed,
        options: [{ text: plain('They agreed to talk at this time', 75), value: 'agreed' }],
      },
    },
    textInput(LOG_BLOCKS.plan, 'What will you bring them?', {
      initial: '',
      max: PLAN_MAX_LENGTH,
      multiline: true,
      optional: true,
      placeholder: 'e.g. Their Dell warranty ends 14 June: walk through the renewal quote',
      hint: 'Required for a next call. A date, a document or a change that matters to them; not "just checking in".',
    }),
    {
      type: 'input',
      block_id: LOG_BLOCKS.valueReason,
      optional: true,
      label: plain('Kind of reason', 2000),
      element: {
        type: 'static_select',
        action_id: LOG_BLOCKS.valueReason,
        placeholder: plain('Pick one if it helps', 150),
        options: VALUE_REASONS.map((reason) => option(reason, VALUE_REASON_LABELS[reason])),
      },
    },
    ...(answered ? [context(`*More about them:* ${escapeMrkdwn(answered)}`)] : []),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.openMoreAboutThem,
          text: plain(answered ? 'Edit more about them' : 'More about them (optional)', 75),
        },
      ],
    },
  ];
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.logInteraction,
    title: plain('Log a call', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/** One line of what the second step holds, so the rep sees it is kept. */
function moreSummary(more: MoreAboutThem): string {
  const parts: Array<[string, string | null]> = [
    ['company', more.company],
    ['notes', more.summary],
    ['hot button', more.hotButton],
    ['decides', more.decisionMaker],
    ['buys by', more.purchasingProcess],
    ['budget', more.budget],
    ['material', more.materialSent],
    ['others', more.stakeholders],
  ];
  return clip(
    parts
      .filter((part): part is [string, string] => Boolean(part[1]))
      .map(([label, value]) => `${label}: ${clip(value, 60)}`)
      .join(' · '),
    600,
  );
}

export interface MoreAboutThemModel {
  /** The first view this step belongs to, and its state, to draw it again with the answers. */
  rootViewId: string;
  root: LogModalMetadata;
  /** The prospect picked in the first view: what is known of them is shown, not asked again. */
  prospect: (ProspectProfile & { contactName: string; company: string }) | null;
}

/** What the second step's private_metadata carries. */
export interface MoreAboutThemMetadata {
  rootViewId: string;
  root: LogModalMetadata;
}

/**
 * The optional second step: the profile fields the method says matter and are still unknown (hot button,
 * decision maker, purchasing process, budget), one short line each, then notes, material and the others
 * involved. Pushed over the first view; its answers go back there, so "Back" loses nothing either.
 */
export function renderMoreAboutThemView(model: MoreAboutThemModel): types.ModalView {
  const { prospect, root } = model;
  const answers = root.more;
  const profile = [
    {
      block: MORE_BLOCKS.hotButton,
      label: 'Their hot button',
      known: prospect?.hotButton,
      answer: answers.hotButton,
      placeholder: 'What matters most to them: uptime, cost, a deadline…',
    },
    {
      block: MORE_BLOCKS.decisionMaker,
      label: 'Who decides',
      known: prospect?.decisionMaker,
      answer: answers.decisionMaker,
      placeholder: 'Name and role',
    },
    {
      block: MORE_BLOCKS.purchasingProcess,
      label: 'How they buy',
      known: prospect?.purchasingProcess,
      answer: answers.purchasingProcess,
      placeholder: 'Tender, board sign-off, a PO over 10k…',
    },
    {
      block: MORE_BLOCKS.budget,
      label: 'Budget',
      known: prospect?.budget,
      answer: answers.budget,
      placeholder: 'Planned budget, or how they will fund it',
    },
  ];
  const known = profile.filter((field) => field.known);
  const blocks: types.KnownBlock[] = [];
  if (known.length > 0) {
    blocks.push(
      context(
        known.map((field) => `*${field.label}:* ${escapeMrkdwn(clip(field.known ?? '', 200))}`).join(' · '),
      ),
    );
  }
  if (!prospect) {
    blocks.push(
      textInput(MORE_BLOCKS.company, 'Company', {
        initial: answers.company ?? companyOfOption(root.prospect) ?? '',
        max: COMPANY_MAX_LENGTH,
        optional: true,
      }),
    );
  }
  for (const field of profile.filter((candidate) => !candidate.known)) {
    blocks.push(
      textInput(field.block, field.label, {
        initial: field.answer ?? '',
        max: PROFILE_LINE_MAX_LENGTH,
        optional: true,
        placeholder: field.placeholder,
      }),
    );
  }
  blocks.push(
    textInput(MORE_BLOCKS.summary, 'Notes from the call', {
      initial: answers.summary ?? '',
      max: NOTES_MAX_LENGTH,
      multiline: true,
      optional: true,
    }),
    textInput(MORE_BLOCKS.materialSent, 'Material sent', {
      initial: answers.materialSent ?? '',
      max: MATERIAL_MAX_LENGTH,
      optional: true,
      placeholder: 'Brochure, quote, case study…',
    }),
    textInput(MORE_BLOCKS.stakeholders, 'Others involved', {
      initial: answers.stakeholders ?? '',
      max: STAKEHOLDERS_MAX_LENGTH,
      optional: true,
      placeholder: 'Names, separated by commas',
    }),
  );
  const metadata: MoreAboutThemMetadata = { rootViewId: model.rootViewId, root };
  return {
    type: 'modal',
    callback_id: CALLBACK_IDS.moreAboutThem,
    title: plain('More about them', 24),
    submit: plain('Keep', 24),
    close: plain('Back', 24),
    // "Back" closes this step too: Slack then tells us (view_closed), and what was typed is kept as well.
    notify_on_close: true,
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/** "Dana, Acme", "Dana (Acme)" or "Dana at Acme": the contact and the company of someone new. */
export function splitTypedProspect(typed: string): { contactName: string; company: string } {
  const text = typed.trim().replace(/\s+/g, ' ');
  const match =
    text.match(/^(.+?)\s*\((.+)\)$/) ??
    text.match(/^(.+?)\s*,\s*(.+)$/) ??
    text.match(/^(.+?)\s+at\s+(.+)$/i);
  if (!match) return { contactName: text, company: '' };
  return { contactName: (match[1] ?? '').trim(), company: (match[2] ?? '').trim() };
}

export function knownProspectOption(prospect: KnownProspect): ProspectOption {
  const status =
    prospect.status && prospect.status !== 'active' ? ` · ${prospect.status.replace('_', ' ')}` : '';
  const label = prospect.company ? `${prospect.contactName} · ${prospect.company}` : prospect.contactName;
  return { text: clip(`${label}${status}`, OPTION_TEXT_MAX), value: `${KNOWN_PROSPECT}${prospect.id}` };
}

/** The "new prospect" choice for what the rep typed, cut to fit Slack's option value. */
export function newProspectOption(typed: string): ProspectOption {
  const { contactName, company } = splitTypedProspect(typed);
  const name = contactName.slice(0, NEW_NAME_IN_OPTION);
  const firm = company.slice(0, OPTION_VALUE_MAX - NEW_PROSPECT.length - 1 - name.length);
  const label = firm ? `${name} (${firm})` : name;
  return { text: clip(`New prospect: ${label}`, OPTION_TEXT_MAX), value: `${NEW_PROSPECT}${name}|${firm}` };
}

/** What a typeahead option stands for; undefined for a value the app never made. */
export function readProspectOption(
  value: string,
): { kind: 'known'; prospectId: number } | { kind: 'new'; contactName: string; company: string } | undefined {
  if (value.startsWith(KNOWN_PROSPECT)) {
    const id = Number(value.slice(KNOWN_PROSPECT.length));
    return Number.isSafeInteger(id) && id > 0 ? { kind: 'known', prospectId: id } : undefined;
  }
  if (!value.startsWith(NEW_PROSPECT)) return undefined;
  const rest = value.slice(NEW_PROSPECT.length);
  const bar = rest.lastIndexOf('|');
  const contactName = (bar === -1 ? rest : rest.slice(0, bar)).trim();
  const company = bar === -1 ? '' : rest.slice(bar + 1).trim();
  return contactName ? { kind: 'new', contactName, company } : undefined;
}

function companyOfOption(option: ProspectOption | null): string | undefined {
  const read = option ? readProspectOption(option.value) : undefined;
  return read?.kind === 'new' && read.company ? read.company : undefined;
}

/**
 * The typeahead's answer to what the rep typed: their matching prospects, then a clearly marked new one,
 * so typing "dana" finds the Dana they have before it offers to add another.
 */
export function prospectOptions(typed: string, prospects: readonly KnownProspect[]): types.PlainTextOption[] {
  const known = prospects.map(knownProspectOption);
  const fresh = typed.trim() ? [newProspectOption(typed)] : [];
  return [...known, ...fresh].map((choice) => option(choice.value, choice.text));
}

function option(value: string, label: string): types.PlainTextOption {
  return { text: plain(label, OPTION_TEXT_MAX), value };
}

interface TextInputOptions {
  initial: string;
  max: number;
  optional?: boolean;
  multiline?: boolean;
  placeholder?: string;
  hint?: string;
}

function textInput(blockId: string, label: string, options: TextInputOptions): types.InputBlock {
  const initial = clip(options.initial, options.max);
  return {
    type: 'input',
    block_id: blockId,
    optional: options.optional ?? false,
    label: plain(label, 2000),
    ...(options.hint ? { hint: plain(options.hint, 2000) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: blockId,
      max_length: options.max,
      multiline: options.multiline ?? false,
      ...(initial ? { initial_value: initial } : {}),
      ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
    },
  };
}
