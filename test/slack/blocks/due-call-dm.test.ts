import { describe, expect, it } from 'vitest';
import { buildPreCallBrief } from '../../../src/domain/brief/pre-call-brief.js';
import { CALL_ITEM_SIZES } from '../../../src/slack/blocks/call-item.js';
import { renderCallReminder } from '../../../src/slack/blocks/call-reminder.js';
import { renderDueCallDm } from '../../../src/slack/blocks/due-call-dm.js';
import { findBlockKitViolations } from '../../support/block-kit-limits.js';
import {
  SAMPLE_BRIEF_FACTS,
  SAMPLE_BRIEFS,
  SAMPLE_CALLS,
  SAMPLE_DUE,
  SAMPLE_ZONE,
  sampleCall,
} from '../../support/sample-week.js';

const dm = (afternoon = false) => renderDueCallDm({ due: SAMPLE_DUE, briefs: SAMPLE_BRIEFS, afternoon });

type Element = {
  type: string;
  text?: string | { text: string };
  options?: { text: { text: string } }[];
};
type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: Element[];
};

/**
 * The words a rep reads: headers, sections and context lines, the buttons' labels and the options of an overflow
 * menu (one tap away); emoji codes and markup left out.
 */
function visibleWords(blocks: Block[]): number {
  const texts: string[] = [];
  for (const block of blocks) {
    if (block.text) texts.push(block.text.text);
    for (const element of block.elements ?? []) {
      if (typeof element.text === 'string') texts.push(element.text);
      else if (element.text) texts.push(element.text.text);
      for (const option of element.options ?? []) texts.push(option.text.text);
    }
  }
  return texts
    .join(' ')
    .replace(/:[a-z_]+:/g, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

describe('the morning DM and the reminder', () => {
  it('gives a rep three calls in under 120 words, each who and when, the reason and plan once, two facts', () => {
    const message = dm();
    const blocks = message.blocks as Block[];
    expect(findBlockKitViolations('message', message)).toEqual([]);
    expect(visibleWords(blocks)).toBeLessThan(120);
    const body = JSON.stringify(blocks);
    expect(body).toContain('Your calls for Tue 1 Dec (ET)');
    expect(body).toContain('*Dana Reyes (Acme Tooling)* · Mon 30 Nov, 9:00 · agreed');
    expect(body).toContain('_Warranty expiring_: Go through the renewal quote');
    // Today's calls are on the day the header names, in the zone it names: the time of day is enough.
    expect(body).toContain('*Sam Okafor (Brightline)* · 9:00\\n');
    const labels = (blocks.find((block) => block.type === 'actions')?.elements ?? []).map((element) =>
      typeof element.text === 'object'
        ? element.text.text
        : element.options?.map((option) => option.text.text),
    );
    expect(labels).toEqual(['Log outcome', 'Reschedule', ['Tomorrow', 'Next week']]);
    expect(body).not.toMatch(/2026-12-01|America\/New_York/);
    expect(message.text).toBe('Good morning: 2 calls due today, 1 overdue.');
  });

  it('says each line once: the overdue advice above the overdue calls, no line repeated on every call', () => {
    const lines = (dm().blocks as Block[]).flatMap((block) => [
      ...(block.text ? block.text.text.split('\n') : []),
      ...(block.type === 'context' ? (block.elements ?? []).map((element) => String(element.text)) : []),
    ]);
    const counts = new Map<string, number>();
    for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
    expect([...counts].filter(([, count]) => count >= 3)).toEqual([]);
    expect(lines.filter((line) => line.includes('agree a new time'))).toHaveLength(1);
  });

  it('keeps every call within its sizes however long what the rep typed', () => {
    const long = 'word '.repeat(600);
    const huge = sampleCall({
      id: 9,
      dueAt: '2026-12-01T14:00:00Z',
      contactName: 'N'.repeat(300),
      company: 'C'.repeat(300),
      plan: long,
    });
    const brief = buildPreCallBrief({
      ...SAMPLE_BRIEF_FACTS,
      material: { sent: long, reviewed: false },
    });
    const message = renderDueCallDm({
      due: {
        day: '2026-12-01',
        timeZone: SAMPLE_ZONE,
        overdue: { rows: [], total: 0 },
        today: { rows: [huge], total: 1 },
      },
      briefs: new Map([[9, brief]]),
      afternoon: false,
    });
    const item = (message.blocks as Block[]).filter((block) => block.block_id?.endsWith('_9'));
    const [text, factsLine, buttons] = item;
    expect(text?.text?.text.split('\n')).toHaveLength(2);
    const [headline, reason] = text?.text?.text.split('\n') ?? [];
    expect(headline?.length).toBeLessThanOrEqual(CALL_ITEM_SIZES.whoChars + 40);
    expect(reason?.length).toBeLessThanOrEqual(CALL_ITEM_SIZES.reasonLineChars + 10);
    expect(String(factsLine?.elements?.[0]?.text).split('   ')).toHaveLength(2);
    for (const fact of String(factsLine?.elements?.[0]?.text).split('   '))
      expect(fact.length).toBeLessThanOrEqual(CALL_ITEM_SIZES.factChars);
    expect(buttons?.type).toBe('actions');
    expect(visibleWords(item)).toBeLessThanOrEqual(CALL_ITEM_SIZES.words);
  });

  it('names the zone once, and a call’s own zone only when a clock change gave it another name', () => {
    const zone = 'Europe/London';
    const before = sampleCall({
      id: 7,
      dueAt: '2026-10-23T08:00:00Z',
      contactName: 'Ola',
      company: 'Fjord',
      plan: 'Bring the new service plan',
      timeZone: zone,
    });
    const message = renderDueCallDm({
      due: {
        day: '2026-10-26',
        timeZone: zone,
        overdue: { rows: [before], total: 1 },
        today: { rows: [], total: 0 },
      },
      briefs: new Map(),
      afternoon: false,
    });
    const body = JSON.stringify(message.blocks);
    expect(body).toContain('Your calls for Mon 26 Oct (GMT)');
    expect(body).toContain('*Ola (Fjord)* · Fri 23 Oct, 9:00 BST');
  });

  it('does not say good morning after noon: a catch-up DM says what it is', () => {
    const message = dm(true);
    const body = JSON.stringify(message.blocks);
    expect(body).toContain('Catching up: your calls for Tue 1 Dec');
    expect(body).not.toMatch(/morning:/i);
    expect(message.text).toBe('Catching up on today: 2 calls due today, 1 overdue.');
  });

  it('reminds in two lines: in how long, who and when; the reason and plan', () => {
    const [, row] = SAMPLE_CALLS;
    if (!row) throw new Error('no row');
    const reminder = renderCallReminder(
      { row, brief: buildPreCallBrief(SAMPLE_BRIEF_FACTS) },
      new Date('2026-12-01T13:45:00Z'),
    );
    const [text, buttons] = reminder.blocks as Block[];
    expect(text?.text?.text.split('\n')).toEqual([
      ':alarm_clock: *In 15 min:* *Sam Okafor (Brightline)* · Tue 1 Dec, 9:00 ET',
      '_Warranty expiring_: Show the new sensor kit that cuts their weekly…',
    ]);
    expect(buttons?.type).toBe('actions');
    expect(reminder.blocks).toHaveLength(2);
  });
});
