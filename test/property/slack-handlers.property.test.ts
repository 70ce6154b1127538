import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logSubmission, logValues } from '../slack/log-values.js';
import { useSlackTestApp } from '../support/slack-test-app.js';

const NOW = new Date('2026-05-04T09:00:00Z');
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ minLength: 3000, maxLength: 12_000 }),
);

describe('bad input at the Slack handlers [pglite]', () => {
  const t = useSlackTestApp({
    engine: 'pglite',
    now: NOW,
    fakeOptions: {
      users: [{ id: 'U0FUZZ', tz: 'America/Chicago' }],
      rateLimits: { 'chat.postMessage': [], 'views.open': [], 'chat.postEphemeral': [] },
    },
  });

  const unexpectedFailures = () => t.logs.filter((line) => /unhandled|uncaught/i.test(line));

  it('acks any /followup text and never answers 500', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const response = await t.sendCommand(text, 'U0FUZZ');
        expect(response.status).toBe(200);
      }),
      { numRuns: 40 },
    );
    expect(unexpectedFailures()).toEqual([]);
  });

  it('answers any log modal content with a save or field errors a rep can read, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          prospect: anyText,
          company: anyText,
          outcome: fc.oneof(fc.constantFrom('connected', 'lost', 'won'), fc.string({ maxLength: 40 })),
          plan: anyText,
          valueReason: fc.oneof(
            fc.constant(undefined),
            fc.constantFrom('price_drop', 'other'),
            fc.string({ maxLength: 20 }),
          ),
          nextCallAt: fc.option(
            fc.date({ min: new Date('1970-01-02'), max: new Date('2200-01-01'), noInvalidDate: true }),
          ),
        }),
        fc.nat(),
        // What a first view carries back from "More about them", or anything else a forged request holds.
        fc.oneof(anyText, fc.json()),
        async (fields, viewNumber, metadata) => {
          const response = await t.sendInteraction(
            logSubmission('U0FUZZ', logValues(fields), {
              id: `VFUZZ${viewNumber}`,
              privateMetadata: metadata,
            }),
          );
          expect(response.status).toBe(200);
          if (response.body !== '') {
            const answer = response.json as { response_action: string; errors: Record<string, string> };
            expect(answer.response_action).toBe('errors');
            for (const message of Object.values(answer.errors)) {
              expect(message.length).toBeGreaterThan(0);
              expect(message.length).toBeLessThanOrEqual(2000);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
    expect(unexpectedFailures()).toEqual([]);
  });
});
