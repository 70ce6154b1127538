import { logValues, moreAboutThemMetadata } from '../../test/slack/log-values.js';
import { viewSubmissionPayload } from '../../test/support/signed-requests.js';

const PROSPECTS = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A log modal submission a rep would send: a real call outcome and a value plan the coach accepts, due in a
 * few days. Each index is a new modal (its own view id), spread over a few hundred prospects.
 */
export function logInteractionSubmission(input: {
  team: string;
  user: string;
  viewId: string;
  index: number;
}) {
  const prospectNumber = input.index % PROSPECTS;
  return viewSubmissionPayload({
    team: input.team,
    user: input.user,
    callback_id: 'log_interaction',
    view_id: input.viewId,
    // What the rep answered in "More about them", carried by the first view back to the submission.
    private_metadata: moreAboutThemMetadata({
      summary: 'Sent the spec sheet and the maintenance cost comparison after the call.',
      hotButton: 'cutting the cost of unscheduled maintenance',
    }),
    values: logValues({
      prospect: `Pat Lee ${prospectNumber}`,
      company: `Acme ${prospectNumber}`,
      outcome: 'sent_material',
      nextCallAt: new Date(Date.now() + 3 * DAY_MS),
      agreed: true,
      valueReason: 'review_material',
      plan: 'Go through page 4 of the spec sheet together: the maintenance cost table for their 3 sites.',
    }),
  });
}
