import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { deliveries } from '../../src/db/schema.js';
import { runDueCallDms } from '../../src/jobs/due-call-dms.js';
import { describeOnEachEngine } from '../support/database.js';
import { addRepWithCall, at, freshWorkspace, useJobWorld } from './support.js';

const MORNING = at('2025-06-10T09:00:00Z');
const later = (minutes: number) => new Date(MORNING.getTime() + minutes * 60_000);

describeOnEachEngine('Slack errors by their documented names', ({ db }) => {
  const world = useJobWorld();

  async function repWithCall(slackUserId: string): Promise<string> {
    const workspaceId = await freshWorkspace(db());
    await addRepWithCall(
      db(),
      { workspaceId, slackUserId, timeZone: 'UTC' },
      { contactName: 'Dana', dueAt: at('2025-06-10T15:00:00Z') },
    );
    return workspaceId;
  }

  const statusOf = async (workspaceId: string) =>
    (
      await db()
        .select({ status: deliveries.status, error: deliveries.error })
        .from(deliveries)
        .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.kind, 'due_dm')))
    )[0];

  it('gives up at once on a rep whose Messages tab is closed to the app', async () => {
    const workspaceId = await repWithCall('UTABOFF');
    world.slack.failNext('chat.postMessage', { error: 'messages_tab_disabled' }, 5);
    await runDueCallDms(world.deps(db()), MORNING);
    await runDueCallDms(world.deps(db()), later(10));
    expect(await statusOf(workspaceId)).toEqual({ status: 'failed', error: 'messages_tab_disabled' });
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('tries again after an error Slack documents as passing, and delivers once', async () => {
    const workspaceId = await repWithCall('UFATAL');
    world.slack.failNext('chat.postMessage', { error: 'service_unavailable' });
    await runDueCallDms(world.deps(db()), MORNING);
    expect(await statusOf(workspaceId)).toMatchObject({ status: 'claimed', error: 'service_unavailable' });
    await runDueCallDms(world.deps(db()), later(10));
    expect(await statusOf(workspaceId)).toMatchObject({ status: 'sent' });
    expect(world.slack.messagesTo('UFATAL')).toHaveLength(1);
  });
});
