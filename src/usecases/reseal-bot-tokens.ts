import type { Database } from '../db/client.js';
import { listSealedBotTokens, replaceSealedBotToken } from '../db/queries/installations.js';
import type { TokenCipher } from '../token-cipher.js';

/**
 * Key rotation's second half: every stored token still sealed with the previous key is sealed again with the
 * current one, so the previous key can be dropped after one start. A token no key here opens is left as it is
 * and named, so one bad row does not keep every other workspace from being served.
 */
export async function resealBotTokens(
  db: Database,
  cipher: TokenCipher,
): Promise<{ resealed: number; unreadable: string[] }> {
  let resealed = 0;
  const unreadable: string[] = [];
  for (const row of await listSealedBotTokens(db)) {
    if (!row.sealedBotToken || cipher.isSealedWithCurrentKey(row.sealedBotToken)) continue;
    let token: string;
    try {
      token = cipher.open(row.sealedBotToken, row.id);
    } catch {
      unreadable.push(row.id);
      continue;
    }
    await replaceSealedBotToken(db, { id: row.id, from: row.sealedBotToken, to: cipher.seal(token, row.id) });
    resealed++;
  }
  return { resealed, unreadable };
}
