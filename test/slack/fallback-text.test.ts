import { describe, expect, it } from 'vitest';
import { renderCallReminder } from '../../src/slack/blocks/call-reminder.js';
import { renderConfirmationMessage } from '../../src/slack/blocks/confirmation.js';
import { addDeal } from '../jobs/support.js';
import { sampleCall } from '../support/sample-week.js';
import { TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';

const NOW = new Date('2025-06-02T08:00:00Z');
/** A name a rep could type that Slack would otherwise read as a broadcast and markup. */
const LOUD = '<!channel> Smith & <Sons>';
const ESCAPED = '&lt;!channel&gt; Smith &amp; &lt;Sons&gt;';

const call = sampleCall({
  id: 7,
  dueAt: new Date(NOW.getTime() + 15 * 60_000),
  contactName: LOUD,
  company: '',
  plan: 'Show the new quote',
  agreed: true,
  valueReason: 'price_drop',
  timeZone: 'UTC',
});

describe('fallback text escapes what a rep typed, as the blocks do', () => {
  it('in the confirmation DM', () => {
    const message = renderConfirmationMessage(
      {
        prospect: { contactName: LOUD, company: '' },
        outcome: 'connected',
        summary: null,
        nextStep: { id: 7, dueAt: NOW, agreed: true, valueReason: 'price_drop', plan: 'Show the quote' },
        revisitAt: null,
        coachTip: null,
        timeZone: 'UTC',
      },
      { alreadySaved: false },
    );
    expect(message.text).toContain(ESCAPED);
    expect(message.text).not.toContain('<!channel>');
  });

  it('in the reminder before a call', () => {
    const message = renderCallReminder({ row: call, brief: { reason: null, facts: [] } }, NOW);
    expect(message.text).toContain(ESCAPED);
    expect(message.text).not.toContain('<!channel>');
  });
});

describe('/followup pause replies escape the name and reason [pglite]', () => {
  const t = useSlackTestApp({
    engine: 'pglite',
    now: NOW,
    fakeOptions: { users: [{ id: 'U0REP', tz: 'UTC' }] },
  });

  it('names an unknown prospect and quotes a reason without broadcasting', async () => {
    // With should_escape Slack sends what the rep typed as entities; the app reads them back as `<` and `&`.
    const unknown = await t.reply('pause &lt;!channel&gt; until 2099-01-01 budget');
    expect(unknown).toBe('None of your prospects is called "&lt;!channel&gt;".');

    const owner = await t.db.query.people.findFirst();
    await addDeal(t.db, { workspaceId: TEST_TEAM, ownerId: owner?.id ?? 0, contactName: 'Dana' });
    const paused = await t.reply('pause Dana until 2099-01-01 tell &lt;!channel&gt; &amp; wait');
    expect(paused).toContain(': tell &lt;!channel&gt; &amp; wait. It comes back on its own.');
    expect(paused).not.toContain('<!channel>');
  });
});
