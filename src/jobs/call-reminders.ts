import { claimDelivery, listCallsDueForReminder, markDeliverySkipped } from '../db/queries/deliveries.js';
import type { JobTally } from '../db/queries/job-runs.js';
import { renderCallReminder } from '../slack/blocks/call-reminder.js';
import { loadCallReminder } from '../usecases/load-call-reminder.js';
import { type JobDependencies, recordJobRun, sendClaimed } from './deliver.js';

/** One pass: one short reminder per scheduled call, within the workspace's lead time before it. */
export function runCallReminders(deps: JobDependencies, now: Date): Promise<JobTally> {
  return recordJobRun(deps, {
    job: 'reminders',
    now,
    list: () => listCallsDueForReminder(deps.db, { now }),
    handle: async (call, at) => {
      const claim = await claimDelivery(deps.db, {
        workspaceId: call.workspaceId,
        key: { kind: 'call_reminder', nextStepId: call.nextStepId, dueAt: call.dueAt },
        recipientId: call.slackUserId,
        instanceId: deps.instanceId,
        now: at(),
      });
      if (!claim) return 'skipped';
      const reminder = await loadCallReminder(deps.db, { ...call, now });
      if (!reminder) {
        await markDeliverySkipped(deps.db, { id: claim.id });
        return 'skipped';
      }
      return sendClaimed(deps, {
        claim,
        channel: call.slackUserId,
        message: renderCallReminder(reminder, now),
        at,
      });
    },
  });
}
