import { describe, expect, it } from 'vitest';
import { localDayBounds } from '../../../src/domain/scheduling/local-day.js';

describe('localDayBounds', () => {
  it('gives the rep’s calendar day, not the server’s', () => {
    const now = new Date('2025-03-10T02:00:00Z');
    const berlin = localDayBounds('Europe/Berlin', now);
    expect(berlin.day).toBe('2025-03-10');
    expect(berlin.start.toISOString()).toBe('2025-03-09T23:00:00.000Z');
    const la = localDayBounds('America/Los_Angeles', now);
    expect(la.day).toBe('2025-03-09');
  });

  it('makes a spring-forward day 23 hours long', () => {
    const { start, end } = localDayBounds('America/New_York', new Date('2025-03-09T15:00:00Z'));
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it('falls back to UTC for an unknown zone', () => {
    const { day, start } = localDayBounds('Mars/Olympus', new Date('2025-06-01T12:00:00Z'));
    expect(day).toBe('2025-06-01');
    expect(start.toISOString()).toBe('2025-06-01T00:00:00.000Z');
  });
});
