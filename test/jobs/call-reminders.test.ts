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

  it('reminds no earlier than the default lead time, and not at all once the call has started', async () => {
    const ws = await freshWorkspace(db());
    await addRepWithCall(
      db(),
      { workspaceId: ws, slackUserId: 'ULATE', timeZone: 'Europe/London' },
      { contactName: 'Noor', dueAt: at('2025-06-10T14:00:00Z') },
    );
    // The first pass after a gap comes at the call's start: the call is overdue, tomorrow's DM carries it.
    await runCallReminders(world.deps(db()), at('2025-06-10T13:44:00Z'));
    await runCallReminders(world.deps(db()), at('2025-06-10T14:00:00Z'));
    expect(world.slack.messagesTo('ULATE')).toEqual([]);
    await runCallReminders(world.deps(db()), at('2025-06-10T14:01:00Z'));
    expect(world.slack.messagesTo('ULATE')).toEqual([]);
  });

  it('reminds at the method’s default lead time when the workspace kept it', async () => {
    const ws = await freshWorkspace(db());
    await addRepWithCall(
      db(),
      { workspaceId: ws, slackUserId: 'UDEFAULT', timeZone: 'Europe/London' },
      { contactName: 'Ama', dueAt: at('2025-06-10T14:00:00Z') },
    );
    await runCallReminders(world.deps(db()), at('2025-06-10T13:45:00Z'));
    expect(world.slack.messagesTo('UDEFAULT')).toHaveLength(1);
  });
});
