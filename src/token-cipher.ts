import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { TokenKeys } from './config.js';

/**
 * Seals bot tokens for the database with AES-256-GCM. A sealed token names the key that sealed it, so during a
 * rotation the previous key still opens old rows while every new seal uses the current one. The installation's id
 * is bound in as associated data: a sealed token copied onto another workspace's row does not open.
 */
export interface TokenCipher {
  seal(token: string, installationId: string): string;
  open(sealed: string, installationId: string): string;
  /** Whether this sealed token was sealed with the current key (false: re-seal it). */
  isSealedWithCurrentKey(sealed: string): boolean;
}

const FORMAT = 'v1';
/** GCM's recommended nonce length; a fresh random nonce per seal. */
const IV_BYTES = 12;

export function createTokenCipher(keys: TokenKeys): TokenCipher {
  const currentId = keyId(keys.current);
  const byId = new Map<string, Buffer>([[currentId, keys.current]]);
  if (keys.previous) byId.set(keyId(keys.previous), keys.previous);
  return {
    seal(token, installationId) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
      cipher.setAAD(Buffer.from(installationId));
      const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
      return [FORMAT, currentId, iv, cipher.getAuthTag(), body]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed, installationId) {
      const [format, id, iv, tag, body] = sealed.split('.');
      const key = id ? byId.get(id) : undefined;
      if (format !== FORMAT || !key || !iv || !tag || body === undefined) {
        throw new Error(
          `a stored bot token was sealed with a key this instance does not have (key ${id ?? 'unknown'}): ` +
            'set TOKEN_ENCRYPTION_KEY_PREVIOUS to the key it was sealed with',
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(installationId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    isSealedWithCurrentKey: (sealed) => sealed.split('.')[1] === currentId,
  };
}

/** A short public fingerprint of a key (never the key itself): which key sealed a row. */
function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
