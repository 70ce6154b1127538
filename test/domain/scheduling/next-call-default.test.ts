import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CALL_HOUR,
  defaultNextCallTime,
  usualCallHour,
} from '../../../src/domain/scheduling/next-call-default.js';

describe('the next call a log starts from', () => {
  it('is two business days ahead at the rep’s hour, skipping the weekend', () => {
    // Monday 2 June 2025, 10:00 in Berlin -> Wednesday 4 June, 10:00.
    expect(defaultNextCallTime(new Date('2025-06-02T08:00:00Z'), 'Europe/Berlin', 10)).toEqual(
      new Date('2025-06-04T08:00:00Z'),
    );
    // Thursday 5 June, late evening in New York -> Monday 9 June, 14:00 there.
    expect(defaultNextCallTime(new Date('2025-06-06T02:30:00Z'), 'America/New_York', 14)).toEqual(
      new Date('2025-06-09T18:00:00Z'),
    );
    // Saturday -> Tuesday.
    expect(defaultNextCallTime(new Date('2025-06-07T09:00:00Z'), 'Europe/Berlin', 9)).toEqual(
      new Date('2025-06-10T07:00:00Z'),
    );
  });

  it('keeps the rep’s wall-clock hour across a change of clocks', () => {
    // Friday 28 March 2025 in Berlin; clocks go forward on Sunday 30 March -> Tuesday 1 April, 9:00 CEST.
    expect(defaultNextCallTime(new Date('2025-03-28T10:00:00Z'), 'Europe/Berlin', 9)).toEqual(
      new Date('2025-04-01T07:00:00Z'),
    );
  });

  it('uses the hour the rep books most, in their zone, and 10:00 for a rep with none', () => {
    const booked = ['2025-06-03T07:00:00Z', '2025-06-04T12:30:00Z', '2025-06-05T07:15:00Z'].map(
      (at) => new Date(at),
    );
    expect(usualCallHour(booked, 'Europe/Berlin')).toBe(9);
    expect(usualCallHour([], 'Europe/Berlin')).toBe(DEFAULT_CALL_HOUR);
  });
});
