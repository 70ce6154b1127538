import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { SettingsChanges } from '../../../db/queries/workspace-settings.js';
import { GONE_DARK_AFTER_UNANSWERED } from '../../../domain/settings.js';
import { saveSettings } from '../../../usecases/save-settings.js';
import { SETTINGS_BLOCKS } from '../../blocks/settings-modal.js';
import type { SlackDependencies } from '../../dependencies.js';
import { CALLBACK_IDS } from '../../ids.js';
import { ensureRep } from '../rep.js';

const field = <T extends z.ZodType>(inner: T) => z.object({ value: inner });
const integer = (min: number, max: number) =>
  field(z.object({ value: z.coerce.number().int().min(min).max(max) }));
const settingsState = z.object({
  [SETTINGS_BLOCKS.managerChannel]: field(z.object({ selected_conversation: z.string().min(1) })),
  [SETTINGS_BLOCKS.digestTime]: field(z.object({ selected_time: z.string().regex(/^\d{2}:\d{2}$/) })),
  [SETTINGS_BLOCKS.weekdays]: field(
    z.object({
      selected_options: z.array(z.object({ value: z.coerce.number().int().min(1).max(7) })).min(1),
    }),
  ),
  [SETTINGS_BLOCKS.staleAfterDays]: integer(1, 365),
  [SETTINGS_BLOCKS.goneDark]: integer(GONE_DARK_AFTER_UNANSWERED.min, GONE_DARK_AFTER_UNANSWERED.max),
  [SETTINGS_BLOCKS.minValuePercent]: integer(0, 100),
  [SETTINGS_BLOCKS.reminderLead]: integer(1, 120),
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
      digestHour: hour ?? 9,
      digestMinute: minute ?? 0,
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
