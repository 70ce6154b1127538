import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { deliveries, jobRuns } from '../../src/db/schema.js';
import { runDueCallDms } from '../../src/jobs/due-call-dms.js';
import { addRepWithCall, at, freshWorkspace, useJobWorld } from '../jobs/support.js';
import { describeOnEachEngine } from '../support/database.js';
import { eventually } from '../support/slack-test-app.js';

const MORNING = at('2026-03-10T09:00:00Z');
const NEXT_TICK = new Date(MORNING.getTime() + 60_000);
const REPS = ['UHA', 'UHB', 'UHC', 'UHD', 'UHE', 'UHF'];

describeOnEachEngine('a Slack call that never answers', ({ db }) => {
  const world = useJobWorld({ rateLimits: { 'chat.postMessage': [] } });

  async function seedReps(): Promise<string> {
    const workspaceId = await freshWorkspace(db());
    for (const slackUserId of REPS) {
      await addRepWithCall(
        db(),
        { workspaceId, slackUserId, timeZone: 'UTC' },
        { contactName: `Deal of ${slackUserId}`, dueAt: at('2026-03-10T15:00:00Z') },
      );
    }
    return workspaceId;
  }

  const dmsPerRep = () => REPS.map((rep) => world.slack.messagesTo(rep).length);
  const recordedSent = async (workspaceId: string) =>
    (await db().select().from(deliveries).where(eq(deliveries.workspaceId, workspaceId))).filter(
      (row) => row.status === 'sent',
    ).length;
  const unanswered = () => world.slack.callsTo('chat.postMessage').filter((call) => call.status === 0);

  /** Starts a pass on instance-a in which one DM's call never answers, and waits until the others are sent. */
  async function startPassWithOneHungDm(neverAnswer: 'before_acting' | 'after_acting') {
    const workspaceId = await seedReps();
    world.slack.failNext('chat.postMessage', { neverAnswer });
    const deadline = new AbortController();

    const pass = runDueCallDms(world.deps(db(), 'instance-a', deadline.signal), MORNING);
    // One DM hangs; the other senders carry on with the rest.
    await eventually(async () => {
      expect(unanswered()).toHaveLength(1);
      expect(await recordedSent(workspaceId)).toBe(REPS.length - 1);
    }, 30_000);
    return { workspaceId, deadline, pass };
  }

  it('cannot keep a pass alive past its deadline; the next tick sends what is left, each DM once', async () => {
    const { workspaceId, deadline, pass } = await startPassWithOneHungDm('before_acting');
    deadline.abort();
    const tally = await pass;

    expect(tally).toEqual({ sent: REPS.length - 1, skipped: 1, failed: 0 });
    const [run] = await db().select().from(jobRuns).where(eq(jobRuns.instanceId, 'instance-a'));
    expect(run?.finishedAt).not.toBeNull();
    // The hung DM's claim was given back; the next tick (on another instance) sends it.
    await runDueCallDms(world.deps(db(), 'instance-b'), NEXT_TICK);
    expect(dmsPerRep()).toEqual(REPS.map(() => 1));
    const rows = await db().select().from(deliveries).where(eq(deliveries.workspaceId, workspaceId));
    expect(rows.map((row) => row.status)).toEqual(REPS.map(() => 'sent'));
  });

  it('does not send twice a DM Slack took before the answer was lost', async () => {
    const { workspaceId, deadline, pass } = await startPassWithOneHungDm('after_acting');
    expect(dmsPerRep()).toEqual(REPS.map(() => 1));
    deadline.abort();
    await pass;

    await runDueCallDms(world.deps(db(), 'instance-b'), NEXT_TICK);
    expect(dmsPerRep()).toEqual(REPS.map(() => 1));
    expect(world.slack.callsTo('conversations.history')).toHaveLength(1);
    const rows = await db().select().from(deliveries).where(eq(deliveries.workspaceId, workspaceId));
    expect(rows.map((row) => row.status)).toEqual(REPS.map(() => 'sent'));
    expect(rows.every((row) => row.messageTs !== null)).toBe(true);
  });
});
