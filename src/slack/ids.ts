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
  /** The log modal's optional second step, pushed over it. */
  moreAboutThem: 'log_more_about_them',
} as const;

/**
 * Block ids of the log modal's first view; scripts and tests fill the modal by these names. The prospect's
 * typeahead loads its options from the app (Bolt's options listener for this action id).
 */
export const LOG_BLOCKS = {
  prospect: 'prospect',
  outcome: 'outcome',
  nextCallAt: 'next_call_at',
  agreed: 'agreed',
  plan: 'plan',
  valueReason: 'value_reason',
} as const;

/** Input block ids of the "More about them" step. */
export const MORE_BLOCKS = {
  company: 'company',
  summary: 'summary',
  hotButton: 'hot_button',
  decisionMaker: 'decision_maker',
  purchasingProcess: 'purchasing_process',
  budget: 'budget',
  materialSent: 'material_sent',
  stakeholders: 'stakeholders',
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
  /** In the log modal: pushes the "More about them" step. */
  openMoreAboutThem: 'open_more_about_them',
  /** A link button in the digest (it opens a DM with the rep); Slack still sends its press, which is acked. */
  messageRep: 'message_rep',
  /** In the digest, one per stalled deal; value: the prospect id. Opens a read-only view of the rep's plan. */
  openRepPlan: 'open_rep_plan',
} as const;

export const SNOOZE_CHOICES = ['1d', '1w', 'pick'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];
