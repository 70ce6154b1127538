import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';

/** How long an install link works, from "Add to Slack" to Slack's redirect back (Bolt's default cookie life). */
export const INSTALL_STATE_LIFETIME_SECONDS = 600;

/** @slack/oauth's code for a state that fails verification; its callback and ours read it. */
const INVALID_STATE_CODE = 'slack_oauth_invalid_state';

/** Why an install's state was refused, so the page can tell the person what to do. */
export class InstallStateError extends Error {
  readonly code = INVALID_STATE_CODE;
  constructor(readonly reason: 'expired' | 'forged') {
    super(
      reason === 'expired' ? 'the install link has expired' : 'the install state was not issued by this app',
    );
    this.name = 'InstallStateError';
  }
}

/**
 * The OAuth `state`: the install options and the issue time, signed with SLACK_STATE_SECRET (HMAC-SHA256).
 * Bolt also pins it to the browser in a cookie. Built here rather than Bolt's own so the clock is injected
 * (Bolt's reads the system time) and an expired link is told apart from a forged one.
 */
export function createInstallStateStore(secret: string, now: () => Date): StateStore {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest();
  return {
    generateStateParam: async (installOptions) => {
      const payload = Buffer.from(
        JSON.stringify({
          installOptions,
          issuedAt: now().getTime(),
          nonce: randomBytes(12).toString('base64url'),
        }),
      ).toString('base64url');
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    verifyStateParam: async (_boltNow, state) => {
      const [payload, signature] = state.split('.');
      if (!payload || !signature) throw new InstallStateError('forged');
      const expected = sign(payload);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new InstallStateError('forged');
      }
      const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        installOptions: InstallURLOptions;
        issuedAt: number;
      };
      if (now().getTime() - decoded.issuedAt > INSTALL_STATE_LIFETIME_SECONDS * 1000) {
        throw new InstallStateError('expired');
      }
      return decoded.installOptions;
    },
  };
}
