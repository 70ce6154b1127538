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
import { mayManage } from '../../../usecases/managers.js';
import { saveSettings } from '../../../usecases/save-settings.js';
import type { SlackDependencies } from '../../dependencies.js';
import { CALLBACK_IDS, SETTINGS_BLOCKS, SETTINGS_INPUT_ACTION } from '../../ids.js';
import { checkChannelAccess } from '../channel-access.js';
import { findRequester, MANAGERS_ONLY } from '../rep.js';
import { OutOfTime, SUBMISSION_BUDGET_MS, TAKING_TOO_LONG, withinTime } from '../time-budget.js';

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

export const INVITE_THE_BOT =
  'Follow-Up Coach cannot see this private channel. Invite it there first (type /invite @Follow-Up Coach in the channel), or choose another.';
export const CHANNEL_ARCHIVED = 'This channel is archived; choose one the team still reads.';
export const SETTINGS_NOT_SAVED =
  'We could not save the settings just now; everything you chose is still here. Press Save again in a moment.';

/**
 * Checked and saved before the ack, because only the ack can put a message under a field (as the log modal
 * does); the work gets the submission's time budget. Saving twice is harmless: it is an upsert.
 */
export function registerSettingsSubmission(app: App, dependencies: SlackDependencies): void {
  app.view(CALLBACK_IDS.settings, async ({ ack, body, view, client }) => {
    const form = parseSettingsForm(view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const workspaceId = body.team?.id ?? view.team_id;
    const channel = form.value.managerChannelId ?? '';
    const work = async (): Promise<string | undefined> => {
      const [requester, access] = await Promise.all([
        findRequester(dependencies, client, workspaceId, body.user.id),
        checkChannelAccess(client, channel),
      ]);
      if (!mayManage(requester)) return MANAGERS_ONLY;
      if (access !== 'postable') return access === 'archived' ? CHANNEL_ARCHIVED : INVITE_THE_BOT;
      const saved = await saveSettings(dependencies.db, {
        workspaceId,
        requester,
        changes: form.value,
        now: dependencies.now(),
      });
      return saved === 'refused' ? MANAGERS_ONLY : undefined;
    };
    let problem: string | undefined;
    try {
      problem = await withinTime(work(), SUBMISSION_BUDGET_MS, dependencies.logger);
    } catch (error) {
      dependencies.logger.error('saving settings failed', error);
      problem = error instanceof OutOfTime ? TAKING_TOO_LONG : SETTINGS_NOT_SAVED;
    }
    if (problem) {
      return ack({ response_action: 'errors', errors: { [SETTINGS_BLOCKS.managerChannel]: problem } });
    }
    await ack();
    await dependencies.sendMessage(client, workspaceId, {
      channel: body.user.id,
      text: `Saved. Your digest goes to <#${channel}>; add your reps with /followup team @rep.`,
    });
  });
}
