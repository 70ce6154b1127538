import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { interactions, nextSteps, prospects } from '../../src/db/schema.js';
import { TEST_ENGINES } from '../support/database.js';
import type { SharedFile } from '../support/fake-slack.js';
import { blockActionsPayload, viewSubmissionPayload } from '../support/signed-requests.js';
import { eventually, TEST_TEAM, useSlackTestApp } from '../support/slack-test-app.js';
import { logSubmission, logValues } from './log-values.js';

/** Monday 2 June 2025, 10:00 in Berlin. */
const NOW = new Date('2025-06-02T08:00:00Z');
/** Wednesday 4 June, 10:00 in Berlin. */
const WEDNESDAY_10 = new Date('2025-06-04T08:00:00Z');
const PLAN = 'The X200 price drops 15% on 1 July: show Dana the new quote for 40 seats, site by site';

/** The invite's event as a calendar program reads it (ical.js, the parser of Thunderbird). */
function eventOf(file: SharedFile) {
  const vevent = new ICAL.Component(ICAL.parse(file.content)).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('the invite holds no VEVENT');
  return new ICAL.Event(vevent);
}

for (const engine of TEST_ENGINES) {
  describe(`the calendar invite of an agreed call [${engine}]`, () => {
    let sequence = 0;
    const t = useSlackTestApp({
      engine,
      now: NOW,
      fakeOptions: {
        users: [
          { id: 'U0RITA', tz: 'Europe/Berlin', real_name: 'Rita Rep' },
          { id: 'U0OMAR', tz: 'Europe/Berlin', real_name: 'Omar Rep' },
        ],
        rateLimits: { 'chat.postMessage': [] },
      },
    });
    beforeEach(() => {
      t.logs.length = 0;
    });

    const logCall = (user: string, contact: string, agreed: boolean) =>
      t.sendInteraction(
        logSubmission(
          user,
          logValues({
            prospect: contact,
            company: 'Initech',
            nextCallAt: WEDNESDAY_10,
            agreed,
            valueReason: 'price_drop',
            plan: PLAN.replace('Dana', contact),
          }),
          { id: `V0INVITE${++sequence}` },
        ),
      );

    const stepOf = async (contact: string) => {
      const [row] = await t.db
        .select()
        .from(nextSteps)
        .innerJoin(prospects, eq(prospects.id, nextSteps.prospectId))
        .where(and(eq(prospects.contactName, contact), eq(nextSteps.status, 'scheduled')));
      if (!row) throw new Error(`no next step for ${contact}`);
      return row.next_steps;
    };

    it('puts an .ics invite in the rep’s DM when the next call is agreed: the chosen time in UTC, the plan, both names', async () => {
      const response = await logCall('U0RITA', 'Dana Reyes', true);
      expect(response.body).toBe('');
      const [file] = await eventually(() => {
        const files = t.fake.filesIn('U0RITA');
        expect(files).toHaveLength(1);
        return files;
      });
      if (!file) throw new Error('no file');
      expect(file.filename).toBe('call-dana-reyes.ics');
      expect(file.initial_comment).toBe(
        ':spiral_calendar_pad: Forward this invite to Dana Reyes so the call is on their calendar too.',
      );
      expect(file.content).toContain('\r\nDTSTART:20250604T080000Z\r\n');
      const event = eventOf(file);
      expect(event.startDate.toJSDate()).toEqual(WEDNESDAY_10);
      expect(event.summary).toBe('Call: Dana Reyes (Initech) / Rita Rep');
      expect(event.description).toBe(PLAN.replace('Dana', 'Dana Reyes'));
      expect(event.sequence).toBe(0);
      // The confirmation with the calendar links came first, then the file, shared in the DM by its D id.
      expect(t.fake.messagesTo('U0RITA')).toHaveLength(1);
      const completed = t.fake.callsTo('files.completeUploadExternal');
      expect(completed.at(-1)).toMatchObject({ ok: true, args: { channel_id: 'D0RITA' } });
      expect(t.logs).toEqual([]);
    });

    it('sends no invite for a next call the prospect has not agreed to', async () => {
      const before = t.fake.filesIn('U0OMAR').length;
      expect((await logCall('U0OMAR', 'Ada Quinn', false)).body).toBe('');
      await eventually(() => expect(t.fake.messagesTo('U0OMAR').length).toBeGreaterThan(0));
      expect(t.fake.filesIn('U0OMAR')).toHaveLength(before);
    });

    it('sends the moved call as the same event with a higher SEQUENCE when a reschedule is agreed', async () => {
      const step = await stepOf('Dana Reyes');
      const first = t.fake.filesIn('U0RITA').at(-1);
      if (!first) throw new Error('no first invite');
      await t.sendInteraction(
        blockActionsPayload({
          user: 'U0RITA',
          team: TEST_TEAM,
          actions: [
            {
              block_id: 'next_step',
              type: 'button',
              action_id: 'reschedule',
              value: String(step.id),
            } as never,
          ],
          message: { channel: 'D0RITA', ts: '1748851200.000100' },
        }),
      );
      const opened = await eventually(() => {
        const call = t.fake
          .callsTo('views.open')
          .find((candidate) => JSON.stringify(candidate.args).includes(`{\\"nextStepId\\":${step.id}`));
        if (!call?.ok) throw new Error('the reschedule modal did not open');
        return call;
      });
      const movedTo = new Date('2025-06-05T12:30:00Z');
      const response = await t.sendInteraction(
        viewSubmissionPayload({
          user: 'U0RITA',
          team: TEST_TEAM,
          callback_id: 'reschedule_next_step',
          private_metadata: (opened.args.view as { private_metadata: string }).private_metadata,
          values: {
            due_at: {
              due_at: { type: 'datetimepicker', selected_date_time: Math.floor(movedTo.getTime() / 1000) },
            },
            agreed: { agreed: { type: 'checkboxes', selected_options: [{ value: 'agreed' }] } },
          },
        }),
      );
      expect(response.body).toBe('');
      const moved = await eventually(() => {
        const files = t.fake.filesIn('U0RITA');
        expect(files).toHaveLength(2);
        return files[1];
      });
      if (!moved) throw new Error('no second invite');
      const before = eventOf(first);
      const after = eventOf(moved);
      expect(after.uid).toBe(before.uid);
      expect(after.sequence).toBe(1);
      expect(after.startDate.toJSDate()).toEqual(movedTo);
      expect((await stepOf('Dana Reyes')).timeRevision).toBe(1);
    });

    it('keeps the logged call when Slack refuses the file, and tells the rep in one line', async () => {
      // files.getUploadURLExternal documents "file_uploads_disabled: Team has disabled all file uploads".
      t.fake.failNext('files.getUploadURLExternal', { error: 'file_uploads_disabled' });
      const files = t.fake.filesIn('U0OMAR').length;
      const messages = t.fake.messagesTo('U0OMAR').length;
      const response = await logCall('U0OMAR', 'Bo Lindqvist', true);
      expect(response.body).toBe('');
      const [confirmation, line] = await eventually(() => {
        const posted = t.fake.messagesTo('U0OMAR').slice(messages);
        expect(posted).toHaveLength(2);
        return posted;
      });
      expect(confirmation?.text).toMatch(/^Saved: Bo Lindqvist/);
      expect(line?.text).toBe(
        ':warning: Slack would not take the calendar invite for Bo Lindqvist; the call is saved all the same.',
      );
      expect(t.fake.filesIn('U0OMAR')).toHaveLength(files);
      const step = await stepOf('Bo Lindqvist');
      expect(step).toMatchObject({ dueAt: WEDNESDAY_10, agreed: true, status: 'scheduled' });
      const [logged] = await t.db
        .select()
        .from(interactions)
        .where(eq(interactions.prospectId, step.prospectId));
      expect(logged?.outcome).toBe('connected');
      expect(t.logs.some((log) => log.includes('could not put a calendar invite'))).toBe(true);
    });
  });
}
