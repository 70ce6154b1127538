import {
  type MoreAboutThem,
  NO_MORE_ANSWERS,
  newProspectOption,
  renderLogModalFrom,
} from '../../src/slack/blocks/log-modal.js';
import { CALLBACK_IDS } from '../../src/slack/ids.js';
import { type ViewStateValues, viewSubmissionPayload } from '../support/signed-requests.js';
import { TEST_TEAM } from '../support/slack-test-app.js';

/**
 * The log modal's first view as Slack sends it on submit, filled the way a rep would. The prospect is a
 * typeahead choice: `prospectId` picks one of the rep's prospects, otherwise the "new prospect" choice for
 * the name (and company) typed.
 */
export function logValues(fields: {
  prospect: string;
  company?: string;
  prospectId?: number;
  outcome?: string;
  nextCallAt?: Date | null;
  agreed?: boolean;
  valueReason?: string;
  plan?: string;
}): ViewStateValues {
  const text = (value: string | undefined) => ({ type: 'plain_text_input', value: value ?? null });
  const select = (value: string | undefined, type = 'static_select') => ({
    type,
    selected_option: value ? { text: { type: 'plain_text', text: value }, value } : null,
  });
  const picked =
    fields.prospectId !== undefined
      ? `prospect:${fields.prospectId}`
      : fields.prospect.trim()
        ? newProspectOption(fields.company ? `${fields.prospect}, ${fields.company}` : fields.prospect).value
        : undefined;
  return {
    prospect: { prospect: select(picked, 'external_select') },
    outcome: { outcome: select(fields.outcome ?? 'connected') },
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
    plan: { plan: text(fields.plan) },
    value_reason: { value_reason: select(fields.valueReason) },
  };
}

/**
 * The log modal as Slack posts it when `user` presses Save: its values, and the view's id and
 * private_metadata when the test follows one modal (in the test workspace unless `team` is given).
 */
export function logSubmission(
  user: string,
  values: ViewStateValues,
  view: { id?: string; privateMetadata?: string; team?: string } = {},
) {
  return viewSubmissionPayload({
    user,
    team: view.team ?? TEST_TEAM,
    callback_id: CALLBACK_IDS.logInteraction,
    view_id: view.id,
    private_metadata: view.privateMetadata,
    values,
  });
}

/** The first view's private_metadata once the rep answered "More about them" with these. */
export function moreAboutThemMetadata(more: Partial<MoreAboutThem>): string {
  const view = renderLogModalFrom({
    prospect: null,
    nextCallAt: null,
    planned: null,
    fromHome: false,
    more: { ...NO_MORE_ANSWERS, ...more },
  });
  return view.private_metadata ?? '';
}
