import { z } from 'zod';
import { PLAN_MAX_LENGTH } from '../domain/coach/index.js';
import { OUTCOMES, VALUE_REASONS } from '../domain/vocabulary.js';
import type { LogCallField, LogCallForm } from '../usecases/log-call.js';
import { NAME_MAX_LENGTH, NOTE_MAX_LENGTH, PROFILE_MAX_LENGTH } from './blocks/log-modal.js';
import { LOG_BLOCKS, RESCHEDULE_BLOCKS, SNOOZE_CHOICES } from './ids.js';

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

const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((text) => text?.trim() || null)
    .pipe(z.string().max(max).nullable());

const logFormSchema = z.object({
  contactName: z
    .string({ error: 'Type the name of the person you spoke to.' })
    .trim()
    .min(1, 'Type the name of the person you spoke to.')
    .max(NAME_MAX_LENGTH),
  company: optionalText(NAME_MAX_LENGTH).transform((text) => text ?? ''),
  outcome: z.enum(OUTCOMES, { error: 'Pick how the call went.' }),
  summary: optionalText(NOTE_MAX_LENGTH),
  hotButton: optionalText(PROFILE_MAX_LENGTH),
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
  decisionMaker: optionalText(PROFILE_MAX_LENGTH),
  purchasingProcess: optionalText(PROFILE_MAX_LENGTH),
  budget: optionalText(PROFILE_MAX_LENGTH),
  stakeholders: optionalText(PROFILE_MAX_LENGTH).transform((text) =>
    [
      ...new Set(
        (text ?? '')
          .split(/[,;\n]/)
          .map((name) => name.trim())
          .filter(Boolean),
      ),
    ].slice(0, 20),
  ),
  materialSent: optionalText(PROFILE_MAX_LENGTH),
});

/** Form field -> input block id, for field errors. */
export const LOG_FIELD_BLOCKS: Record<keyof LogCallForm, string> = {
  contactName: LOG_BLOCKS.prospect,
  company: LOG_BLOCKS.company,
  outcome: LOG_BLOCKS.outcome,
  summary: LOG_BLOCKS.summary,
  hotButton: LOG_BLOCKS.hotButton,
  nextCallAt: LOG_BLOCKS.nextCallAt,
  agreed: LOG_BLOCKS.agreed,
  valueReason: LOG_BLOCKS.valueReason,
  plan: LOG_BLOCKS.plan,
  decisionMaker: LOG_BLOCKS.decisionMaker,
  purchasingProcess: LOG_BLOCKS.purchasingProcess,
  budget: LOG_BLOCKS.budget,
  stakeholders: LOG_BLOCKS.stakeholders,
  materialSent: LOG_BLOCKS.materialSent,
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

/** Reads the log modal's state into a form; problems come back keyed by input block id. */
export function parseLogForm(rawValues: unknown): Parsed<LogCallForm> {
  const values = viewState.safeParse(rawValues).data ?? {};
  const text = (block: string) => element(values, block)?.value;
  const raw = {
    contactName: text(LOG_BLOCKS.prospect) ?? '',
    company: text(LOG_BLOCKS.company),
    outcome: element(values, LOG_BLOCKS.outcome)?.selected_option?.value,
    summary: text(LOG_BLOCKS.summary),
    hotButton: text(LOG_BLOCKS.hotButton),
    nextCallAt: element(values, LOG_BLOCKS.nextCallAt)?.selected_date_time,
    agreed: (element(values, LOG_BLOCKS.agreed)?.selected_options ?? []).some(
      (option) => option.value === 'agreed',
    ),
    valueReason: element(values, LOG_BLOCKS.valueReason)?.selected_option?.value,
    plan: text(LOG_BLOCKS.plan),
    decisionMaker: text(LOG_BLOCKS.decisionMaker),
    purchasingProcess: text(LOG_BLOCKS.purchasingProcess),
    budget: text(LOG_BLOCKS.budget),
    stakeholders: text(LOG_BLOCKS.stakeholders),
    materialSent: text(LOG_BLOCKS.materialSent),
  };
  const parsed = logFormSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const block = LOG_FIELD_BLOCKS[issue.path[0] as keyof LogCallForm] ?? LOG_BLOCKS.plan;
    errors[block] ??= issue.message;
  }
  return { ok: false, errors };
}

const fromHomeSchema = z.boolean().catch(false);
const logMetadataSchema = z.object({
  prospectId: z.number().int().positive().nullable().catch(null),
  fromHome: fromHomeSchema,
});

/** The log modal's private_metadata; anything unreadable means "no known prospect", not opened from Home. */
export function parseLogMetadata(raw: string | undefined): { prospectId: number | null; fromHome: boolean } {
  return logMetadataSchema.safeParse(parseJson(raw)).data ?? { prospectId: null, fromHome: false };
}

const nextStepMetadataSchema = z.object({
  nextStepId: z.number().int().positive(),
  fromHome: fromHomeSchema,
});

export function parseNextStepMetadata(
  raw: string | undefined,
): { nextStepId: number; fromHome: boolean } | undefined {
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
