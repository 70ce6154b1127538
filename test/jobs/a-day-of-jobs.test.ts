import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import type { Person } from '../../src/db/queries/people.js';
import { runAllJobs } from '../../src/jobs/scheduler.js';
import { logCall } from '../../src/usecases/log-call.js';
import { setTeam } from '../../src/usecases/set-team.js';
import { describeOnEachEngine } from '../support/database.js';
import { at, callForm, freshWorkspace, meetPerson, useJobWorld, withSecondInstance } from './support.js';

const LOGGED_AT = at('2025-06-09T00:00:00Z');
const FIRST_TICK = at('2025-06-09T18:00:00Z');
const LAST_TICK = at('2025-06-10T23:55:00Z');
const TICK_MS = 5 * 60_000;
/** Hundreds of passes on two instances: a deadline generous enough for a machine busy with other work. */
const PASSES_DEADLINE_MS = 600_000;

/** Reps around the world, each with one call on their own 10 June (a Tuesday). */
const REPS = [
  { slackUserId: 'UAKL', zone: 'Pacific/Auckland', callAt: '2025-06-10T14:00' },
  { slackUserId: 'UKTM', zone: 'Asia/Kathmandu', callAt: '2025-06-10T16:00' },
  { slackUserId: 'UNYC', zone: 'America/New_York', callAt: '2025-06-10T11:00' },
  { slackUserId: 'UHNL', zone: 'Pacific/Honolulu', callAt: '2025-06-10T09:00' },
  { slackUserId: 'UIDLE', zone: 'Europe/Paris', callAt: '2025-06-20T10:00' },
] as const;

const localTime = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');

describeOnEachEngine('thirty hours of scheduled passes on two instances', ({ db, handle }) => {
  const world = useJobWorld();

  it(
    'delivers each due-call DM once at the rep’s local 08:30, one reminder per call, and one digest',
    async () => {
      const ws = await freshWorkspace(db(), {
        managerChannelId: 'CTEAM',
        reminderLeadMinutes: 10,
        updatedAt: at('2025-06-09T10:00:00Z'),
      });
      const reps: Person[] = [];
      for (const rep of REPS) {
        const person = await meetPerson(db(), ws, rep.slackUserId, rep.zone);
        reps.push(person);
        const dueAt = DateTime.fromISO(rep.callAt, { zone: rep.zone }).toJSDate();
        const result = await logCall(db(), {
          workspaceId: ws,
          rep: person,
          form: callForm({ contactName: `Contact of ${rep.slackUserId}`, nextCallAt: dueAt }),
          prospectId: null,
          sourceKey: `view-${rep.slackUserId}`,
          now: LOGGED_AT,
        });
        expect(result.kind).toBe('saved');
      }
      const manager = await meetPerson(db(), ws, 'UMGR', 'Europe/London');
      await setTeam(db(), {
        workspaceId: ws,
        requester: { person: manager, isWorkspaceAdmin: true },
        slackUserIds: reps.map((rep) => rep.slackUserId),
      });

      await withSecondInstance(handle(), async (second) => {
        for (let tick = FIRST_TICK.getTime(); tick <= LAST_TICK.getTime(); tick += TICK_MS) {
          world.clock.set(new Date(tick));
          await Promise.all([
            runAllJobs(world.deps(db(), 'instance-a'), new Date(tick)),
            runAllJobs(world.deps(second, 'instance-b'), new Date(tick)),
          ]);
        }
      });

      const posts = world.slack.callsTo('chat.postMessage').filter((call) => call.ok);
      const arrivals = (slackUserId: string, zone: string, kind: 'dm' | 'reminder') =>
        posts
          .filter((call) => call.args.channel === slackUserId)
          .filter((call) => String(call.args.text).startsWith('In ') === (kind === 'reminder'))
          .map((call) => localTime(call.at, zone));

      // Auckland's call is missed, so 11 June (which starts at 12:00 UTC on 10 June) brings an overdue DM.
      expect(arrivals('UAKL', 'Pacific/Auckland', 'dm')).toEqual(['2025-06-10 08:30', '2025-06-11 08:30']);
      expect(arrivals('UKTM', 'Asia/Kathmandu', 'dm')).toEqual(['2025-06-10 08:30']);
      expect(arrivals('UNYC', 'America/New_York', 'dm')).toEqual(['2025-06-10 08:30']);
      expect(arrivals('UHNL', 'Pacific/Honolulu', 'dm')).toEqual(['2025-06-10 08:30']);
      expect(arrivals('UIDLE', 'Europe/Paris', 'dm')).toEqual([]);

      expect(arrivals('UAKL', 'Pacific/Auckland', 'reminder')).toEqual(['2025-06-10 13:50']);
      expect(arrivals('UKTM', 'Asia/Kathmandu', 'reminder')).toEqual(['2025-06-10 15:50']);
      expect(arrivals('UNYC', 'America/New_York', 'reminder')).toEqual(['2025-06-10 10:50']);
      expect(arrivals('UHNL', 'Pacific/Honolulu', 'reminder')).toEqual(['2025-06-10 08:50']);

      // Monday's digest was due before the settings were saved; Tuesday's goes out at 09:00 London, once.
      const digests = posts.filter((call) => call.args.channel === 'CTEAM');
      expect(digests.map((call) => localTime(call.at, 'Europe/London'))).toEqual(['2025-06-10 09:00']);
      expect(posts.filter((call) => call.status !== 200)).toEqual([]);
    },
    PASSES_DEADLINE_MS,
  );
});
