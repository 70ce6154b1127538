import { z } from 'zod';
import { PLAN_MAX_LENGTH } from '../domain/coach/index.js';
import { OUTCOMES, VALUE_REASONS } from '../domain/vocabulary.js';
import type { LogCallField, LogCallForm } from '../usecases/log-call.js';
import {
  COMPANY_MAX_LENGTH,
  type LogModalMetadata,
  MATERIAL_MAX_LENGTH,
  type MoreAboutThem,
  type MoreAboutThemMetadata,
  NAME_MAX_LENGTH,
  NO_MORE_ANSWERS,
  NOTES_MAX_LENGTH,
  PROFILE_LINE_MAX_LENGTH,
  type PressedCall,
  readProspectOption,
  STAKEHOLDERS_MAX_LENGTH,
} from './blocks/log-modal.js';
import type { PressedMessage } from './blocks/view-models.js';
import { LOG_BLOCKS, MORE_BLOCKS, RESCHEDULE_BLOCKS, SNOOZE_CHOICES } from './ids.js';

const elementState = z.looseObject({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
  selected_date_time: z.number().nullish(),
  selected_date: z.string().nullish(),
});
type ElementState = z.infer<typeof elementState>;
const viewState = z.record(z.string(), z.record(z.string(), elementState));
export type ViewStateValues = z.infer<typeof viewState>;

/** The first (our only) element of an input block, whatever its action_id. */
function element(values: ViewStateValues, blockId: string): ElementState | undefined {
  const block = values[blockId];
  return block ? Object.values(block)[0] : undefined;
}

/** What a rep reads under a field that is too long: the limit in words, and how far over it they are. */
export function tooLongMessage(max: number, length: number): string {
  return `This can be at most ${max.toLocaleString('en-US')} characters; it has ${length.toLocaleString('en-US')}. Shorten it and submit again.`;
}

const withinLength = (max: number) =>
  z.string().max(max, { error: (issue) => tooLongMessage(max, String(issue.input).length) });

const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((text) => text?.trim() || null)
    .pipe(withinLength(max).nullable());

const moreAboutThemSchema = z.object({
  company: optionalText(COMPANY_MAX_LENGTH),
  summary: optionalText(NOTES_MAX_LENGTH),
  hotButton: optionalText(PROFILE_LINE_MAX_LENGTH),
  decisionMaker: optionalText(PROFILE_LINE_MAX_LENGTH),
  purchasingProcess: optionalText(PROFILE_LINE_MAX_LENGTH),
  budget: optionalText(PROFILE_LINE_MAX_LENGTH),
  materialSent: optionalText(MATERIAL_MAX_LENGTH),
  stakeholders: optionalText(STAKEHOLDERS_MAX_LENGTH),
});

/**
 * The message a modal was opened from: a conversation id and a message ts as Slack writes them. Anything else
 * reads as none, so the save goes on and only the settling is skipped.
 */
const pressedMessageShape = z.object({
  channel: z.string().regex(/^[CDG][A-Z0-9]{2,20}$/),
  ts: z.string().regex(/^\d{1,12}\.\d{1,8}$/),
});
const pressedMessageSchema = pressedMessageShape.optional().catch(undefined);

const logMetadataSchema = z.object({
  prospect: z
    .object({ text: z.string().max(75), value: z.string().max(150) })
    .nullable()
    .catch(null),
  nextCallAt: z.number().int().positive().nullable().catch(null),
  planned: z.string().max(300).nullable().catch(null),
  fromHome: z.boolean().catch(false),
  more: moreAboutThemSchema.catch(NO_MORE_ANSWERS),
  settles: pressedMessageShape
    .extend({ nextStepId: z.number().int().positive() })
    .optional()
    .catch(undefined),
});

const EMPTY_LOG_METADATA: LogModalMetadata = {
  prospect: null,
  nextCallAt: null,
  planned: null,
  fromHome: false,
  more: NO_MORE_ANSWERS,
};

/** The log modal's private_metadata; anything unreadable reads as a fresh modal (nothing more typed yet). */
export function parseLogMetadata(raw: string | undefined): LogModalMetadata {
  return logMetadataSchema.safeParse(parseJson(raw)).data ?? EMPTY_LOG_METADATA;
}

const moreMetadataSchema = z.object({ rootViewId: z.string().min(1).max(255), root: logMetadataSchema });

/** The "More about them" step's private_metadata: the first view it returns its answers to. */
export function parseMoreAboutThemMetadata(raw: string | undefined): MoreAboutThemMetadata | undefined {
  return moreMetadataSchema.safeParse(parseJson(raw)).data;
}

/**
 * The "More about them" answers typed in the step, over the ones kept before (a field the step did not ask,
 * because the prospect's value is known, keeps its earlier answer).
 */
export function parseMoreAboutThemForm(rawValues: unknown, before: MoreAboutThem): Parsed<MoreAboutThem> {
  const values = viewState.safeParse(rawValues).data ?? {};
  const typed = Object.fromEntries(
    Object.entries(MORE_FIELD_BLOCKS)
      .filter(([, block]) => values[block] !== undefined)
      .map(([field, block]) => [field, element(values, block)?.value ?? null]),
  );
  const parsed = moreAboutThemSchema.safeParse({ ...before, ...typed });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: errorsByBlock(parsed.error.issues, MORE_FIELD_BLOCKS, MORE_BLOCKS.summary) };
}

const MORE_FIELD_BLOCKS: Record<keyof MoreAboutThem, string> = {
  company: MORE_BLOCKS.company,
  summary: MORE_BLOCKS.summary,
  hotButton: MORE_BLOCKS.hotButton,
  decisionMaker: MORE_BLOCKS.decisionMaker,
  purchasingProcess: MORE_BLOCKS.purchasingProcess,
  budget: MORE_BLOCKS.budget,
  materialSent: MORE_BLOCKS.materialSent,
  stakeholders: MORE_BLOCKS.stakeholders,
};

const PICK_PROSPECT = 'Pick who you talked to, or type their name and pick "New prospect".';

const firstViewSchema = z.object({
  prospect: z.string({ error: PICK_PROSPECT }).transform((value, context) => {
    const read = readProspectOption(value);
    if (!read || (read.kind === 'new' && read.contactName.length > NAME_MAX_LENGTH)) {
      context.addIssue({ code: 'custom', message: PICK_PROSPECT });
      return z.NEVER;
    }
    return read;
  }),
  outcome: z.enum(OUTCOMES, { error: 'Pick how the call went.' }),
  nextCallAt: z
    .number()
    .nullish()
    .transform((seconds) => (seconds ? new Date(seconds * 1000) : null)),
  agreed: z.boolean(),
  valueReason: z
    .enum(VALUE_REASONS)
    .nullish()
    .transform((reason) => reason ?? null),
  plan: optionalText(PLAN_MAX_LENGTH),
});

const FIRST_VIEW_FIELD_BLOCKS: Record<keyof z.input<typeof firstViewSchema>, string> = {
  prospect: LOG_BLOCKS.prospect,
  outcome: LOG_BLOCKS.outcome,
  nextCallAt: LOG_BLOCKS.nextCallAt,
  agreed: LOG_BLOCKS.agreed,
  valueReason: LOG_BLOCKS.valueReason,
  plan: LOG_BLOCKS.plan,
};

export function logErrorsToBlocks(errors: Partial<Record<LogCallField, string>>): Record<string, string> {
  const byField: Record<LogCallField, string> = {
    prospect: LOG_BLOCKS.prospect,
    nextCallAt: LOG_BLOCKS.nextCallAt,
    plan: LOG_BLOCKS.plan,
  };
  return Object.fromEntries(
    Object.entries(errors).map(([field, text]) => [byField[field as LogCallField], text]),
  );
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export interface LogSubmission {
  form: LogCallForm;
  /** The rep's prospect picked in the typeahead; null for a new one. */
  prospectId: number | null;
  fromHome: boolean;
  /** The call whose "Log outcome" opened the modal, in the message it was pressed in. */
  settles?: PressedCall | undefined;
}

/**
 * Reads the log modal's first view and the "More about them" answers it carries into one form; problems
 * come back keyed by input block id.
 */
export function parseLogForm(rawValues: unknown, rawMetadata: string | undefined): Parsed<LogSubmission> {
  const values = viewState.safeParse(rawValues).data ?? {};
  const metadata = parseLogMetadata(rawMetadata);
  const parsed = firstViewSchema.safeParse({
    prospect: element(values, LOG_BLOCKS.prospect)?.selected_option?.value,
    outcome: element(values, LOG_BLOCKS.outcome)?.selected_option?.value,
    nextCallAt: element(values, LOG_BLOCKS.nextCallAt)?.selected_date_time,
    agreed: (element(values, LOG_BLOCKS.agreed)?.selected_options ?? []).some(
      (option) => option.value === 'agreed',
    ),
    valueReason: element(values, LOG_BLOCKS.valueReason)?.selected_option?.value,
    plan: element(values, LOG_BLOCKS.plan)?.value,
  });
  if (!parsed.success) {
    return {
      ok: false,
      errors: errorsByBlock(parsed.error.issues, FIRST_VIEW_FIELD_BLOCKS, LOG_BLOCKS.plan),
    };
  }
  const { prospect, ...call } = parsed.data;
  const { more } = metadata;
  const named =
    prospect.kind === 'new'
      ? { contactName: prospect.contactName, company: more.company ?? prospect.company }
      : { contactName: '', company: '' };
  return {
    ok: true,
    value: {
      prospectId: prospect.kind === 'known' ? prospect.prospectId : null,
      fromHome: metadata.fromHome,
      settles: metadata.settles,
      form: {
        ...named,
        ...call,
        summary: more.summary,
        hotButton: more.hotButton,
        decisionMaker: more.decisionMaker,
        purchasingProcess: more.purchasingProcess,
        budget: more.budget,
        materialSent: more.materialSent,
        stakeholders: stakeholderNames(more.stakeholders),
      },
    },
  };
}

/** Distinct names from "Ann, Bo; Cy" (at most 20). */
function stakeholderNames(text: string | null): string[] {
  const names = (text ?? '')
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
  return [...new Set(names)].slice(0, 20);
}

function errorsByBlock(
  issues: readonly z.core.$ZodIssue[],
  blocks: Record<string, string>,
  fallback: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const block = blocks[String(issue.path[0])] ?? fallback;
    errors[block] ??= issue.message;
  }
  return errors;
}

const fromHomeSchema = z.boolean().catch(false);

const nextStepMetadataSchema = z.object({
  nextStepId: z.number().int().positive(),
  fromHome: fromHomeSchema,
  message: pressedMessageSchema,
});

export function parseNextStepMetadata(
  raw: string | undefined,
): { nextStepId: number; fromHome: boolean; message?: PressedMessage | undefined } | undefined {
  return nextStepMetadataSchema.safeParse(parseJson(raw)).data;
}

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A button value holding a next step or prospect id. */
export function parseIdValue(value: unknown): number | undefined {
  return idSchema.safeParse(value).data;
}

const snoozeSchema = z
  .string()
  .regex(/^\d+:[a-z0-9]+$/)
  .transform((value) => {
    const [id, choice] = value.split(':');
    return { nextStepId: Number(id), choice };
  })
  .pipe(z.object({ nextStepId: z.number().int().positive(), choice: z.enum(SNOOZE_CHOICES) }));

export function parseSnoozeValue(value: unknown) {
  return snoozeSchema.safeParse(value).data;
}

export function parseRescheduleForm(rawValues: unknown): Parsed<{ dueAt: Date; agreed: boolean }> {
  const values = viewState.safeParse(rawValues).data ?? {};
  const seconds = element(values, RESCHEDULE_BLOCKS.dueAt)?.selected_date_time;
  if (!seconds)
    return { ok: false, errors: { [RESCHEDULE_BLOCKS.dueAt]: 'Pick the new time for the call.' } };
  const agreed = (element(values, RESCHEDULE_BLOCKS.agreed)?.selected_options ?? []).length > 0;
  return { ok: true, value: { dueAt: new Date(seconds * 1000), agreed } };
}

export function parseSnoozeDateForm(rawValues: unknown): Parsed<{ date: string }> {
  const values = viewState.safeParse(rawValues).data ?? {};
  const date = element(values, RESCHEDULE_BLOCKS.date)?.selected_date;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return { ok: false, errors: { [RESCHEDULE_BLOCKS.date]: 'Pick the day to move the call to.' } };
  }
  return { ok: true, value: { date } };
}

function parseJson(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}
