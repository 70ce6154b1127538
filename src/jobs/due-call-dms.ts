import { claimDelivery, listRepsDueForDm, markDeliverySkipped } from '../db/queries/deliveries.js';
import type { JobTally } from '../db/queries/job-runs.js';
import { renderDueCallDm } from '../slack/blocks/due-call-dm.js';
import { applyProfileChange } from '../usecases/ensure-person.js';
import { loadDueCallDm } from '../usecases/load-due-call-dm.js';
import { type JobDependencies, recordJobRun, sendClaimed } from './deliver.js';

/** One pass: each rep whose DM hour has come today gets one DM listing today's and overdue calls. */
export function runDueCallDms(deps: JobDependencies, now: Date): Promise<JobTally> {
  return recordJobRun(deps, {
    job: 'due_dms',
    now,
    list: () =>
      listRepsDueForDm(deps.db, {
        now,
        onUnknownZone: (zone) =>
          deps.logger.warn(
            `the database does not know the time zone "${zone}"; its reps get their DM by UTC`,
          ),
      }),
    handle: async (rep, at) => {
      const claim = await claimDelivery(deps.db, {
        workspaceId: rep.workspaceId,
        key: { kind: 'due_dm', subject: rep.slackUserId, localDay: rep.localDay },
        recipientId: rep.slackUserId,
        instanceId: deps.instanceId,
        now: at(),
      });
      if (!claim) return 'skipped';
      const dm = await loadDueCallDm(deps.db, {
        workspaceId: rep.workspaceId,
        slackUserId: rep.slackUserId,
        now,
      });
      if (!dm || (await hasLeft(deps, rep, now))) {
        await markDeliverySkipped(deps.db, { id: claim.id });
        return 'skipped';
      }
      return sendClaimed(deps, { claim, channel: rep.slackUserId, message: renderDueCallDm(dm), at });
    },
  });
}

/**
 * Slack accepts a DM to a deactivated person without complaint (python-slack-sdk#1156, a maintainer: "all
 * deactivated users will still be present, but will have `deleted` set to `true`"), so a missed `user_change`
 * would leave them getting DMs nobody reads. users.info says; a failed or skipped lookup sends as before.
 */
async function hasLeft(
  deps: JobDependencies,
  rep: { workspaceId: string; slackUserId: string },
  now: Date,
): Promise<boolean> {
  const client = await deps.clients.forWorkspace(rep.workspaceId);
  if (!client || !deps.pacer.tryLookUp(rep.workspaceId)) return false;
  const user = await client.users
    .info({ user: rep.slackUserId })
    .then((response) => response.user)
    .catch(() => undefined);
  if (user?.deleted !== true) return false;
  await applyProfileChange(deps.db, { ...rep, profile: { deleted: true }, now });
  deps.logger.warn(`${rep.slackUserId} has left the workspace; no more DMs to them`);
  return true;
}
