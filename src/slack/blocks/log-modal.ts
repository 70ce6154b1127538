import type { types } from '@slack/bolt';
import { PLAN_MAX_LENGTH } from '../../domain/coach/index.js';
import {
  OUTCOME_LABELS,
  OUTCOMES,
  type Outcome,
  type ProspectProfile,
  VALUE_REASON_LABELS,
  VALUE_REASONS,
} from '../../domain/vocabulary.js';
import { CALLBACK_IDS, LOG_BLOCKS } from '../ids.js';
import { type NextStepItem, nextStepText } from './next-step-item.js';
import { clip, context, escapeMrkdwn, plain } from './text.js';

export const NAME_MAX_LENGTH = 150;
export const NOTE_MAX_LENGTH = 3000;
export const PROFILE_MAX_LENGTH = 500;

export interface LogModalModel {
  /** The known prospect, or null for a new one. */
  prospect: (ProspectProfile & { id: number; contactName: string; company: string }) | null;
  /** Text to start the prospect field with when the prospect is new. */
  typedName: string;
  summary: string;
  outcome: Outcome | null;
  /** Opened from a Home tab button: that Home is republished after the save, as Slack does not refresh it. */
  fromHome: boolean;
  /** Opened from "Log outcome": the call being logged, shown so the rep sees what they meant to bring. */
  plannedCall?: NextStepItem;
}

export interface LogModalMetadata {
  prospectId: number | null;
  fromHome?: true;
}

/**
 * The log modal. Every input's action_id equals its block_id, so scripts can fill it by block id alone. Profile
 * questions the rep already answered are shown as a line instead of asked again, to keep the modal short.
 */
export function renderLogModal(model: LogModalModel): types.ModalView {
  const { prospect } = model;
  const metadata: LogModalMetadata = {
    prospectId: prospect?.id ?? null,
    ...(model.fromHome ? { fromHome: true } : {}),
  };
  const blocks: types.KnownBlock[] = [
    ...(model.plannedCall ? [context(`*You planned:* ${nextStepText(model.plannedCall, 1500)}`)] : []),
    textInput(LOG_BLOCKS.prospect, 'Who did you talk to?', {
      initial: prospect?.contactName ?? model.typedName,
      max: NAME_MAX_LENGTH,
      placeholder: 'Contact name',
    }),
    textInput(LOG_BLOCKS.company, 'Company', {
      initial: prospect?.company ?? '',
      max: NAME_MAX_LENGTH,
      optional: true,
    }),
    {
      type: 'input',
      block_id: LOG_BLOCKS.outcome,
      label: plain('How did it go?', 2000),
      element: {
        type: 'static_select',
        action_id: LOG_BLOCKS.outcome,
        placeholder: plain('Outcome', 150),
        options: OUTCOMES.map((outcome) => option(outcome, OUTCOME_LABELS[outcome])),
        ...(model.outcome ? { initial_option: option(model.outcome, OUTCOME_LABELS[model.outcome]) } : {}),
      },
    },
    textInput(LOG_BLOCKS.summary, 'What happened?', {
      initial: model.summary,
      max: NOTE_MAX_LENGTH,
      multiline: true,
      optional: true,
    }),
    textInput(LOG_BLOCKS.hotButton, 'Their hot button', {
      initial: prospect?.hotButton ?? '',
      max: PROFILE_MAX_LENGTH,
      optional: true,
      placeholder: 'What matters most to them: uptime, cost, a deadline…',
    }),
    { type: 'divider' },
    {
      type: 'input',
      block_id: LOG_BLOCKS.nextCallAt,
      optional: true,
      label: plain('Next call', 2000),
      hint: plain(
        'Not needed when they are not interested, lost or won: we will put them on a revisit date.',
      ),
      element: { type: 'datetimepicker', action_id: LOG_BLOCKS.nextCallAt },
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
    {
      type: 'input',
      block_id: LOG_BLOCKS.valueReason,
      optional: true,
      label: plain('Reason worth their time', 2000),
      element: {
        type: 'static_select',
        action_id: LOG_BLOCKS.valueReason,
        placeholder: plain('Pick the value you bring', 150),
        options: VALUE_REASONS.map((reason) => option(reason, VALUE_REASON_LABELS[reason])),
      },
    },
    textInput(LOG_BLOCKS.plan, 'What will you bring them?', {
      initial: '',
      max: PLAN_MAX_LENGTH,
      multiline: true,
      optional: true,
      placeholder: 'e.g. Their Dell warranty ends 14 June: walk through the renewal quote',
      hint: '"Just checking in" is not a reason. A date, a document or a change that matters to them is.',
    }),
    textInput(LOG_BLOCKS.materialSent, 'Material sent', {
      initial: '',
      max: PROFILE_MAX_LENGTH,
      optional: true,
      placeholder: 'Brochure, quote, case study…',
    }),
    ...profileBlocks(prospect),
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

function profileBlocks(prospect: LogModalModel['prospect']): types.KnownBlock[] {
  const fields = [
    { block: LOG_BLOCKS.decisionMaker, label: 'Decision maker', known: prospect?.decisionMaker },
    { block: LOG_BLOCKS.purchasingProcess, label: 'How they buy', known: prospect?.purchasingProcess },
    { block: LOG_BLOCKS.budget, label: 'Budget', known: prospect?.budget },
  ];
  const known = fields.filter((field) => field.known);
  const missing = fields.filter((field) => !field.known);
  const blocks: types.KnownBlock[] = [{ type: 'divider' }];
  blocks.push(
    context(
      known.length > 0
        ? known.map((field) => `*${field.label}:* ${escapeMrkdwn(clip(field.known ?? '', 300))}`).join(' · ')
        : 'Profile (optional): fill in what you learned on this call.',
    ),
  );
  for (const field of missing) {
    blocks.push(
      textInput(field.block, field.label, { initial: '', max: PROFILE_MAX_LENGTH, optional: true }),
    );
  }
  blocks.push(
    textInput(LOG_BLOCKS.stakeholders, 'Other stakeholders', {
      initial: '',
      max: PROFILE_MAX_LENGTH,
      optional: true,
      placeholder: 'Names, separated by commas',
    }),
  );
  return blocks;
}

function option(value: string, label: string): types.PlainTextOption {
  return { text: plain(label, 75), value };
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
