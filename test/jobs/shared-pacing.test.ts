import { expect, it } from 'vitest';
import { type Clock, createSharedPacer, type PaceLimits } from '../../src/jobs/pacer.js';
import { describeOnEachEngine } from '../support/database.js';
import { withSecondInstance } from './support.js';

const LIMITS: PaceLimits = { limit: 50, windowMs: 1000, perChannelMs: 0 };
const NOW = Date.parse('2026-03-10T09:00:00Z');

/** Time stands still; each wait a sender is told to make is noted as the moment its message may leave. */
function standingClock(): Clock & { grants: number[] } {
  const grants: number[] = [];
  return {
    grants,
    now: () => NOW,
    sleep: async (ms) => {
      grants.push(NOW + ms);
    },
  };
}

describeOnEachEngine('pacing shared through the database', ({ db, handle }) => {
  it('keeps two instances sending to one workspace within that workspace’s rate together', async () => {
    const clock = standingClock();
    await withSecondInstance(handle(), async (second) => {
      const first = createSharedPacer(db(), LIMITS, clock);
      const other = createSharedPacer(second, LIMITS, clock);
      await Promise.all(
        Array.from({ length: 60 }, (_, index) =>
          Promise.all([first.acquire('TPACE', `U${index}A`), other.acquire('TPACE', `U${index}B`)]),
        ),
      );
    });
    // The first message leaves at once (no wait to note); every other one waits for a slot of its own.
    const leaving = [NOW, ...clock.grants];
    expect(leaving).toHaveLength(120);
    expect(new Set(leaving).size).toBe(120);
    const inFirstWindow = leaving.filter((at) => at < NOW + LIMITS.windowMs).length;
    expect(inFirstWindow).toBeLessThanOrEqual(LIMITS.limit);
    expect(inFirstWindow).toBeGreaterThanOrEqual(LIMITS.limit * 0.9);
  });

  it('holds every instance off after a 429 one of them was given', async () => {
    const clock = standingClock();
    await withSecondInstance(handle(), async (second) => {
      await createSharedPacer(db(), LIMITS, clock).holdOff('THOLD', 30_000);
      await createSharedPacer(second, LIMITS, clock).acquire('THOLD', 'U1');
    });
    expect(clock.grants).toEqual([NOW + 30_000]);
  });
});
