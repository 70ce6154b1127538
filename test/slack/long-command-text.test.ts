import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { mentionedUserIds, readableText } from '../../src/slack/formatted-text.js';
import { COMMAND_TOO_LONG } from '../../src/slack/listeners/commands/index.js';
import { parsePauseArgs } from '../../src/slack/listeners/commands/pause.js';
import { eventually, useSlackTestApp } from '../support/slack-test-app.js';

const NOW = new Date('2025-06-02T08:00:00Z');
const HUNDRED_KB = 100_000;
/**
 * Generous on purpose (no speed claim here; `npm run bench` has the figures): a parser that backtracks over a
 * long run of spaces held the event loop for 21 s on 100 kB. A pause of a second or two is what a loaded 2-core
 * machine does to any request (garbage collection, the scheduler), so the bar sits well above that and well below 21 s.
 */
const BLOCKED_LOOP_MS = 5000;

describe('a 100 kB /followup argument [pglite]', () => {
  const t = useSlackTestApp({
    engine: 'pglite',
    now: NOW,
    fakeOptions: { users: [{ id: 'U0LONG', tz: 'UTC' }] },
  });

  it.each([
    ['pause with 100,000 spaces', `pause x${' '.repeat(HUNDRED_KB)}y`],
    ['team with 20,000 unclosed mentions', `team ${'<@UA|'.repeat(HUNDRED_KB / 5)}`],
  ])('answers %s with the limit in words, and the event loop keeps turning', async (_case, text) => {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const before = t.responses.length;

    const response = await t.sendCommand(text, 'U0LONG');
    const reply = await eventually(() => {
      expect(t.responses.length).toBe(before + 1);
      return t.responses.at(-1)?.body;
    });
    loop.disable();

    expect(response.status).toBe(200);
    expect(reply).toMatchObject({ response_type: 'ephemeral', text: COMMAND_TOO_LONG });
    expect(COMMAND_TOO_LONG).toMatch(/at most 4,000 characters/);
    expect(loop.max / 1e6).toBeLessThan(BLOCKED_LOOP_MS);
  });
});

describe('reading command text in one pass', () => {
  it('reads a pause with long runs of spaces, and refuses one without a day', () => {
    const spaces = ' '.repeat(HUNDRED_KB);
    expect(parsePauseArgs(`x${spaces}y`)).toBeUndefined();
    expect(parsePauseArgs(`Dana${spaces}Fox until 2026-04-01${spaces}budget freeze until Q2`)).toEqual({
      prospectName: 'Dana Fox',
      untilDay: '2026-04-01',
      reason: 'budget freeze until Q2',
    });
  });

  it('takes the first "until <day>" and keeps the rest as the reason', () => {
    expect(parsePauseArgs('Until Corp until 2026-04-01 wait until 2026-05-01')).toEqual({
      prospectName: 'Until Corp',
      untilDay: '2026-04-01',
      reason: 'wait until 2026-05-01',
    });
    expect(parsePauseArgs('until 2026-04-01 no name')).toBeUndefined();
    expect(parsePauseArgs('Dana until 2026-04-01')).toBeUndefined();
  });

  it('reads 100 kB of unclosed mentions without finding one', () => {
    const text = '<@UA|'.repeat(HUNDRED_KB / 5);
    expect(mentionedUserIds(text)).toEqual([]);
    expect(readableText(text)).toBe(text);
  });
});
