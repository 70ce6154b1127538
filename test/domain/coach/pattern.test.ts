import { describe, expect, it } from 'vitest';
import {
  GatedScans,
  matchesOf,
  openingStems,
  phrase,
  requiredStems,
} from '../../../src/domain/coach/pattern.js';

describe('where a pattern can open', () => {
  it('names the stems of the words a pattern opens with, through optional groups and lookaheads', () => {
    expect(openingStems(phrase('(?:warranty|guarantee) _4 ends').source)).toEqual(
      new Set(['warranty', 'guarantee']),
    );
    expect(openingStems('(?:in )?their (?!own )lease')).toEqual(new Set(['in', 'their']));
    expect(openingStems('backups?|enrol(?:l)?ment|sunset\\w*')).toEqual(
      new Set(['backup', 'enrol', 'sunset']),
    );
    expect(openingStems('\\d+ days')).toEqual(new Set('0123456789'.split('')));
  });

  it('names the rarest word every match must hold, even past a gap or a word of any letters', () => {
    expect(requiredStems(phrase('(?:their|[a-z]+s) (?:main )?_2 (?:concerns?|gripes?)').source)).toEqual(
      new Set(['concern', 'gripe']),
    );
    expect(requiredStems(phrase('end of (?:life|support)|eol').source)).toEqual(
      new Set(['life', 'support', 'eol']),
    );
    // "d" may sit inside a word ("bd"), so nothing can be required of the second branch.
    expect(requiredStems('a|(?:b|c)?d')).toBeNull();
  });

  it('answers that a pattern may open anywhere when it starts with a gap or a class of any word', () => {
    expect(openingStems(phrase('_2 expires').source)).toBeNull();
    expect(openingStems('[^ .]+ ends')).toBeNull();
  });
});

describe('scans that only look where they can open', () => {
  const rules: Array<readonly [string, RegExp]> = [
    ['renewal', phrase('(?:contract|lease) _3 (?:ends|expires)')],
    ['renewal', phrase('renewals?')],
    ['price', phrase('\\d+ ?% off|cheaper')],
    ['anything', phrase('[a-z]+ing (?:their|his) [a-z]+')],
    ['problem', phrase('(?:their|[a-z]+s) _2 (?:downtime|outages?)')],
  ];
  const gated = new GatedScans(rules);

  it('finds what a scan of the whole plan finds, in the same order', () => {
    const plans = [
      'their lease on the forklifts ends in march . renewal is 20% off until then',
      'check in tuesday',
      'pre-renewal quote : cheaper by 12 % , fixing their downtime',
      '',
    ];
    for (const plan of plans) {
      const everywhere = new Map<string, ReturnType<typeof matchesOf>>();
      for (const [key, pattern] of rules) {
        const found = [...(everywhere.get(key) ?? []), ...matchesOf(pattern, plan)];
        everywhere.set(key, found);
      }
      const byKey = new Map(gated.matchesIn(plan));
      for (const [key, expected] of everywhere) {
        const found = byKey.get(key) ?? [];
        expect(found.map((match) => match.text).sort()).toEqual(expected.map((match) => match.text).sort());
      }
    }
  });
});
