import type { ViewStateValues } from '../support/signed-requests.js';

/** The log modal's state as Slack sends it on submit, filled the way a rep would. */
export function logValues(fields: {
  prospect: string;
  company?: string;
  outcome?: string;
  summary?: string;
  hotButton?: string;
  nextCallAt?: Date | null;
  agreed?: boolean;
  valueReason?: string;
  plan?: string;
  decisionMaker?: string;
}): ViewStateValues {
  const text = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  const select = (value: string | undefined) => ({
    type: 'static_select',
    selected_option: value ? { text: { type: 'plain_text', text: value }, value } : null,
  });
  return {
    prospect: { prospect: text(fields.prospect) },
    company: { company: text(fields.company) },
    outcome: { outcome: select(fields.outcome ?? 'connected') },
    summary: { summary: text(fields.summary) },
    hot_button: { hot_button: text(fields.hotButton) },
    next_call_at: {
      next_call_at: {
        type: 'datetimepicker',
        selected_date_time: fields.nextCallAt ? Math.floor(fields.nextCallAt.getTime() / 1000) : null,
      },
    },
    agreed: {
      agreed: {
        type: 'checkboxes',
        selected_options: fields.agreed
          ? [{ value: 'agreed', text: { type: 'plain_text', text: 'yes' } }]
          : [],
      },
    },
    value_reason: { value_reason: select(fields.valueReason) },
    plan: { plan: text(fields.plan) },
    decision_maker: { decision_maker: text(fields.decisionMaker) },
  };
}
