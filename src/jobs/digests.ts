import {
  claimDelivery,
  type DeliveryKey,
  deliveryKeyText,
  listTakenDeliveryKeys,
} from '../db/queries/deliveries.js';
import type { JobTally } from '../db/queries/job-runs.js';
import { type DigestManager, listDigestManagers } from '../db/queries/workspace-settings.js';
import { type DigestSlot, latestDigestSlot } from '../domain/scheduling/dm-time.js';
import { renderDigestMessage } from '../slack/blocks/digest.js';
import { loadManagerDigest } from '../usecases/load-manager-digest.js';
import { type JobDependencies, recordJobRun, sendClaimed } from './deliver.js';

function digestKey(manager: DigestManager, slot: DigestSlot): DeliveryKey {
  return { kind: 'digest', subject: manager.slackUserId, localDay: slot.day };
}

/**
 * One pass: each manager whose digest time has come on a configured weekday (in the manager's zone) gets the
 * team digest in the manager channel, once; one missed on its day goes out once on the next pass, marked late.
 */
export function runDigests(deps: JobDependencies, now: Date): Promise<JobTally> {
  return recordJobRun(deps, {
    job: 'digest',
    now,
    list: () => listDigestsDue(deps, now),
    handle: async ({ manager, slot }, at) => {
      const channel = manager.settings.managerChannelId;
      if (!channel) return 'skipped';
      const claim = await claimDelivery(deps.db, {
        workspaceId: manager.workspaceId,
        key: digestKey(manager, slot),
        recipientId: channel,
        instanceId: deps.instanceId,
        now: at(),
        late: slot.late,
      });
      if (!claim) return 'skipped';
      const digest = await loadManagerDigest(deps.db, {
        settings: manager.settings,
        managerId: manager.managerId,
        managerSlackUserId: manager.slackUserId,
        now,
        late: slot.late,
      });
      // The channel that failed cannot carry its own alert: the manager hears by DM.
      const message = renderDigestMessage(digest);
      return sendClaimed(deps, { claim, channel, message, at, reportTo: manager.slackUserId });
    },
  });
}

async function listDigestsDue(
  deps: JobDependencies,
  now: Date,
): Promise<{ manager: DigestManager; slot: DigestSlot }[]> {
  const due: { manager: DigestManager; slot: DigestSlot }[] = [];
  for (const manager of digestSenders(await listDigestManagers(deps.db))) {
    const { digestHour: hour, digestMinute: minute, digestWeekdays: weekdays } = manager.settings;
    const slot = latestDigestSlot(manager.timeZone, { hour, minute, weekdays }, now);
    // A manager who just set the digest up gets the next one, not a late copy of one nobody had asked for.
    if (slot && slot.at.getTime() >= manager.configuredAt.getTime()) due.push({ manager, slot });
  }
  const byWorkspace = new Map<string, typeof due>();
  for (const entry of due) {
    byWorkspace.set(entry.manager.workspaceId, [
      ...(byWorkspace.get(entry.manager.workspaceId) ?? []),
      entry,
    ]);
  }
  const open: typeof due = [];
  for (const [workspaceId, entries] of byWorkspace) {
    const keys = entries.map(({ manager, slot }) => digestKey(manager, slot));
    const taken = await listTakenDeliveryKeys(deps.db, { workspaceId, keys, now });
    open.push(
      ...entries.filter(({ manager, slot }) => !taken.has(deliveryKeyText(digestKey(manager, slot)))),
    );
  }
  return open;
}

/**
 * One digest per manager with a team; a workspace where nobody has named a team yet gets one digest of every
 * rep, from its first manager, rather than the same digest from each of them.
 */
function digestSenders(managers: readonly DigestManager[]): DigestManager[] {
  const withTeam = new Set(managers.filter((m) => m.teamSize > 0).map((m) => m.workspaceId));
  const seen = new Set<string>();
  return managers.filter((manager) => {
    if (withTeam.has(manager.workspaceId)) return manager.teamSize > 0;
    if (seen.has(manager.workspaceId)) return false;
    seen.add(manager.workspaceId);
    return true;
  });
}
