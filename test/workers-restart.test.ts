import { describe, expect, it } from 'vitest';
import { nextRestartDelay } from '../src/workers.js';

describe('restarting a dead worker', () => {
  it('restarts at once after a crash in a healthy run, and backs off while a worker keeps dying young', () => {
    expect(nextRestartDelay(undefined, 500)).toBe(1_000);
    expect(nextRestartDelay(1_000, 2_000)).toBe(2_000);
    expect(nextRestartDelay(16_000, 2_000)).toBe(30_000);
    expect(nextRestartDelay(30_000, 2_000)).toBe(30_000);
    expect(nextRestartDelay(30_000, 5 * 60_000)).toBe(1_000);
  });
});
