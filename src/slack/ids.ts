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
  pauseDeal: 'pause_deal',
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
