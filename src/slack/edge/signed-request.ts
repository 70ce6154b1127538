import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';

/**
 * The largest body Slack sends this app, with room to spare: a view is at most 250 kB (views.open answers
 * `view_too_large` above it) and comes back in a view_submission form-encoded, which at worst triples it; a
 * message (40,000 characters of text, 50 blocks) in a message shortcut is smaller. Anything larger is not from
 * Slack, and is refused before it is read, so unauthenticated bodies cannot fill the memory.
 */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** Slack's replay window: a request stamped further from now than this, either way, is refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** An answer given at the door, without Bolt: 401/413 for what is not from Slack, 200 for what needs nothing. */
export interface Refusal {
  kind: 'refuse';
  status: number;
  reason: string;
}

export interface SignedHeaders {
  kind: 'signed';
  signature: string;
  /** Unix seconds Slack signed with. */
  timestamp: number;
}

/** A request whose signature holds, with its body read as Slack payloads are (always a JSON object). */
export interface SignedRequest extends SignedHeaders {
  raw: Buffer;
  body: Record<string, unknown>;
}

/**
 * Slack stamps each request with the wall clock, and Bolt checks it against the wall clock; the app's injected
 * business clock has no say in whether a signature is fresh.
 */
export function wallClockSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;
const FORM = 'application/x-www-form-urlencoded';

/** Everything that can be refused before reading the body: its declared size, and the signature's headers. */
export function verifySignedHeaders(
  request: IncomingMessage,
): SignedHeaders | (Refusal & { sslCheckPossible: boolean }) {
  const declaredLength = Number(request.headers['content-length'] ?? 0);
  if (declaredLength > MAX_REQUEST_BYTES) {
    return { ...tooLarge(), sslCheckPossible: false };
  }
  const signature = request.headers['x-slack-signature'];
  const timestamp = request.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') {
    const sslCheckPossible = request.headers['content-type'] === FORM;
    return { kind: 'refuse', status: 401, reason: 'unsigned request', sslCheckPossible };
  }
  if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) {
    return { kind: 'refuse', status: 401, reason: 'malformed signature headers', sslCheckPossible: false };
  }
  const drift = Number(timestamp) - wallClockSeconds();
  if (Math.abs(drift) > SIGNATURE_TOLERANCE_SECONDS) {
    const reason = drift > 0 ? 'timestamp in the future' : 'stale timestamp';
    return { kind: 'refuse', status: 401, reason, sslCheckPossible: false };
  }
  return { kind: 'signed', signature, timestamp: Number(timestamp) };
}

/** The body, read only up to MAX_REQUEST_BYTES whatever Content-Length claimed. */
export function readBoundedBody(
  request: IncomingMessage,
): Promise<{ kind: 'read'; raw: Buffer; text: string } | Refusal> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        request.off('data', onData);
        request.pause();
        resolve(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('error', reject);
    // A client that goes away mid-body ends nothing; settling here (a no-op after `end`) keeps no request waiting.
    request.once('close', () => reject(new Error('the client closed the request before its end')));
    request.once('end', () => {
      const raw = Buffer.concat(chunks);
      resolve({ kind: 'read', raw, text: raw.toString() });
    });
  });
}

/** Reads the body, checks it was signed with `signingSecret`, and parses it as Bolt will. */
export async function readSignedBody(
  request: IncomingMessage,
  signingSecret: string,
  headers: SignedHeaders,
): Promise<SignedRequest | Refusal> {
  const read = await readBoundedBody(request);
  if (read.kind === 'refuse') return read;
  // Signed over the body as text, as Bolt's own check does, so both agree on every byte sequence.
  const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${headers.timestamp}:${read.text}`).digest('hex')}`;
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(headers.signature))) {
    return { kind: 'refuse', status: 401, reason: 'signature does not match' };
  }
  const body = parseSlackBody(read.text, request.headers['content-type']);
  // Signed, so it came from Slack's side with our secret; there is nothing to act on and nobody to tell.
  if (!body) return { kind: 'refuse', status: 200, reason: 'a signed body that is not a Slack payload' };
  return { ...headers, raw: read.raw, body };
}

/**
 * Bolt's reading of a body: form fields under exactly this Content-Type (an interaction's are one field,
 * `payload`, holding JSON), JSON otherwise. Anything but a JSON object (`payload=null`, a bare number, broken
 * JSON) is undefined: Bolt would throw on it and leave the socket open.
 */
function parseSlackBody(text: string, contentType: string | undefined): Record<string, unknown> | undefined {
  try {
    if (contentType === FORM) {
      const fields = parseQueryString(text);
      const parsed: unknown = typeof fields.payload === 'string' ? JSON.parse(fields.payload) : fields;
      return isObject(parsed) ? parsed : undefined;
    }
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tooLarge(): Refusal {
  return { kind: 'refuse', status: 413, reason: `body over ${MAX_REQUEST_BYTES} bytes` };
}
