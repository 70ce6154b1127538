import { expect, it } from 'vitest';
import { forgetRequestsSeenBefore, recordRequestOnce } from '../../src/db/queries/seen-requests.js';
import { describeOnEachEngine } from '../support/database.js';

describeOnEachEngine('requests seen before', ({ db }) => {
  const at = new Date('2026-05-04T09:00:00Z');

  it('records a key once, refuses it after, and takes it again once it was forgotten', async () => {
    expect(await recordRequestOnce(db(), { key: 'signature:v0=abc', at })).toBe(true);
    expect(await recordRequestOnce(db(), { key: 'signature:v0=abc', at })).toBe(false);

    await forgetRequestsSeenBefore(db(), { before: at });
    expect(await recordRequestOnce(db(), { key: 'signature:v0=abc', at })).toBe(false);
    await forgetRequestsSeenBefore(db(), { before: new Date(at.getTime() + 1) });
    expect(await recordRequestOnce(db(), { key: 'signature:v0=abc', at })).toBe(true);
  });

  it('forgets only the keys seen before the cut, however many came after', async () => {
    const minute = 60_000;
    const keys = Array.from({ length: 300 }, (_, index) => ({
      key: `signature:v0=many${index}`,
      at: new Date(at.getTime() + index * minute),
    }));
    for (const seen of keys) expect(await recordRequestOnce(db(), seen)).toBe(true);
    await forgetRequestsSeenBefore(db(), { before: new Date(at.getTime() + 200 * minute) });
    const again = await Promise.all(keys.map((seen) => recordRequestOnce(db(), seen)));
    expect(again.filter(Boolean)).toHaveLength(200);
    expect(again.slice(200).some(Boolean)).toBe(false);
  });
});
