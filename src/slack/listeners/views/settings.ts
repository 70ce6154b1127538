import type { App } from '@slack/bolt';
import { z } from 'zod';
import {
  DIGEST_DEFAULTS,
  DIGEST_WEEKDAY,
  GONE_DARK_AFTER_UNANSWERED,
  MIN_VALUE_TOUCH_PERCENT,
  REMINDER_LEAD_MINUTES,
  type SettingsChanges,
  STALE_AFTER_DAYS,
} from '../../../domain/settings.js';
import { saveSettings } from '../../../usecases/save-settings.js';
import type { SlackDependencies } from '../../dependencies.js';
import { CALLBACK_IDS, SETTINGS_BLOCKS, SETTINGS_INPUT_ACTION } from '../../ids.js';
import { ensureRep } from '../rep.js';

const field = <T extends z.ZodType>(inner: T) => z.object({ [SETTINGS_INPUT_ACTION]: inner });
const integer = (range: { min: number; max: number }) =>
  field(z.object({ value: z.coerce.number().int().min(range.min).max(range.max) }));
const settingsState = z.object({
  [SETTINGS_BLOCKS.managerChannel]: field(z.object({ selected_conversation: z.string().min(1) })),
  [SETTINGS_BLOCKS.digestTime]: field(z.object({ selected_time: z.string().regex(/^\d{2}:\d{2}$/) })),
  [SETTINGS_BLOCKS.weekdays]: field(
    z.object({
      selected_options: z
        .array(z.object({ value: z.coerce.number().int().min(DIGEST_WEEKDAY.min).max(DIGEST_WEEKDAY.max) }))
        .min(1),
    }),
  ),
  [SETTINGS_BLOCKS.staleAfterDays]: integer(STALE_AFTER_DAYS),
  [SETTINGS_BLOCKS.goneDark]: integer(GONE_DARK_AFTER_UNANSWERED),
  [SETTINGS_BLOCKS.minValuePercent]: integer(MIN_VALUE_TOUCH_PERCENT),
  [SETTINGS_BLOCKS.reminderLead]: integer(REMINDER_LEAD_MINUTES),
});

/** Parses the modal; a problem is shown on its field. */
export function parseSettingsForm(
  values: unknown,
): { ok: true; value: SettingsChanges } | { ok: false; errors: Record<string, string> } {
  const parsed = settingsState.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= 'Check this value.';
    return { ok: false, errors };
  }
  const state = parsed.data;
  const [hour, minute] = state[SETTINGS_BLOCKS.digestTime].value.selected_time.split(':').map(Number);
  return {
    ok: true,
    value: {
      managerChannelId: state[SETTINGS_BLOCKS.managerChannel].value.selected_conversation,
      digestHour: hour ?? DIGEST_DEFAULTS.hour,
      digestMinute: minute ?? DIGEST_DEFAULTS.minute,
      digestWeekdays: state[SETTINGS_BLOCKS.weekdays].value.selected_options
        .map((option) => option.value)
        .sort(),
      staleAfterDays: state[SETTINGS_BLOCKS.staleAfterDays].value.value,
      goneDarkAfterUnanswered: state[SETTINGS_BLOCKS.goneDark].value.value,
      minValueTouchPercent: state[SETTINGS_BLOCKS.minValuePercent].value.value,
      reminderLeadMinutes: state[SETTINGS_BLOCKS.reminderLead].value.value,
    },
  };
}

export function registerSettingsSubmission(app: App, dependencies: SlackDependencies): void {
  app.view(CALLBACK_IDS.settings, async ({ ack, body, view, client }) => {
    const form = parseSettingsForm(view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    await ack();
    const workspaceId = body.team?.id ?? view.team_id;
    try {
      const person = await ensureRep(dependencies, client, workspaceId, body.user.id);
      await saveSettings(dependencies.db, {
        workspaceId,
        person,
        changes: form.value,
        now: dependencies.now(),
      });
      await dependencies.sendMessage(client, workspaceId, {
        channel: body.user.id,
        text: `Saved. Your digest goes to <#${form.value.managerChannelId}>; add your reps with /followup team @rep.`,
      });
    } catch (error) {
      dependencies.logger.error('saving settings failed', error);
    }
  });
}
