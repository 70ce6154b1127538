/**
 * Every identifier Slack sends back to us. manifest.yml, these constants and the registered listeners must
 * agree (a test checks it). All are snake_case and well under Slack's 255-character limit.
 */

export const COMMAND = '/followup' as const;

export const CALLBACK_IDS = {
  logInteraction: 'log_interaction',
  reschedule: 'reschedule_next_step',
  snoozePickDate: 'snooze_pick_date',
  settings: 'workspace_settings',
  /** Message shortcut "Log follow-up". */
  logFromMessage: 'log_follow_up_from_message',
} as const;

/** Input block ids of the log modal; scripts and tests fill the modal by these names. */
export const LOG_BLOCKS = {
  prospect: 'prospect',
  company: 'company',
  outcome: 'outcome',
  summary: 'summary',
  hotButton: 'hot_button',
  nextCallAt: 'next_call_at',
  agreed: 'agreed',
  valueReason: 'value_reason',
  plan: 'plan',
  decisionMaker: 'decision_maker',
  purchasingProcess: 'purchasing_process',
  budget: 'budget',
  stakeholders: 'stakeholders',
  materialSent: 'material_sent',
} as const;

/** Input block ids of the settings modal; every input's action_id is SETTINGS_INPUT_ACTION. */
export const SETTINGS_BLOCKS = {
  managerChannel: 'manager_channel',
  digestTime: 'digest_time',
  weekdays: 'digest_weekdays',
  staleAfterDays: 'stale_after_days',
  goneDark: 'gone_dark_after_unanswered',
  minValuePercent: 'min_value_touch_percent',
  reminderLead: 'reminder_lead_minutes',
} as const;

export const SETTINGS_INPUT_ACTION = 'value' as const;

/** Input block ids of the reschedule and snooze-date modals; each input's action_id equals its block id. */
export const RESCHEDULE_BLOCKS = { dueAt: 'due_at', agreed: 'agreed', date: 'date' } as const;

/** The actions block under a call in a message or on Home: one per next step, so Slack keeps them apart. */
export function nextStepBlockId(nextStepId: number): string {
  return `next_step_${nextStepId}`;
}

/** The text and the facts of one call in a message, so a press on its buttons can rewrite that call alone. */
export function callTextBlockId(nextStepId: number): string {
  return `call_text_${nextStepId}`;
}

export function callFactsBlockId(nextStepId: number): string {
  return `call_facts_${nextStepId}`;
}

/**
 * Buttons on the app's messages (confirmation, due-call DM, reminder) and Home tab. Their `value` is the next
 * step id as a decimal string, except snooze options, whose value is `<next step id>:<choice>`.
 */
export const ACTIONS = {
  logOutcome: 'log_outcome',
  reschedule: 'reschedule',
  markDone: 'mark_done',
  snooze: 'snooze',
  /** Value: a prospect id (modal prefilled with that prospect), or `new` for a blank log modal. */
  logNewCall: 'log_new_call',
} as const;

export const SNOOZE_CHOICES = ['1d', '1w', 'pick'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];
