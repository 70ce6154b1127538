import { expect, it } from 'vitest';
import { runCallReminders } from '../../src/jobs/call-reminders.js';
import { describeOnEachEngine } from '../support/database.js';
import { addCall, addRepWithCall, at, freshWorkspace, useJobWorld } from './support.js';

describeOnEachEngine('pre-call reminders', ({ db }) => {
  const world = useJobWorld();

  it('sends one short reminder per call within the workspace lead time, not a stream', async () => {
    const ws = await freshWorkspace(db(), { reminderLeadMinutes: 10 });
    const rep = await addRepWithCall(
      db(),
      { workspaceId: ws, slackUserId: 'UREMIND', timeZone: 'Asia/Tokyo' },
      { contactName: 'Yui', dueAt: at('2025-06-10T05:00:00Z') },
    );
    await addCall(db(), {
      workspaceId: ws,
      ownerId: rep.id,
      contactName: 'Ren',
      dueAt: at('2025-06-10T07:00:00Z'),
    });
    for (const minute of ['04:49', '04:50', '04:51', '04:59', '05:00', '05:01']) {
      await runCallReminders(world.deps(db()), at(`2025-06-10T${minute}:00Z`));
    }
    const messages = world.slack.messagesTo('UREMIND');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toBe('In 10 min: your call with Yui, Tue 10 Jun, 14:00 GMT+9.');
  });
});
