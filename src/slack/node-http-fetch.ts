import http from 'node:http';
import https from 'node:https';
import type { FetchFunction, WebClientOptions } from '@slack/web-api';

type FetchResponse = Awaited<ReturnType<FetchFunction>>;

/**
 * Longest a Web API call may take before the client gives up on it. Slack answers in well under a second; a
 * call left unanswered must not hold a listener or a job pass (and the claims it holds) for good.
 */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

/**
 * How every Web API client of the app is built, in production and in tests alike: this transport, a timeout,
 * and no retries of the client's own. A 429 is handed back at once instead of pausing the client's whole queue
 * (which held every other method, `views.open` included, behind one rate-limited `chat.postMessage`); the
 * app's pacer owns every wait and retry, so a Retry-After is waited out once, where claims are renewed.
 */
export function webClientOptions(apiUrl?: string | undefined): WebClientOptions {
  return {
    fetch: createNodeHttpFetch(),
    timeout: SLACK_CALL_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
  };
}

/**
 * The Web API client's transport, on node:http with kept-alive connections. The client's default, the global
 * fetch, costs about a millisecond of CPU per call here (four times this), and every command, submission and
 * DM makes at least one call. Only what the client uses is implemented: string bodies, headers, a timeout
 * signal, `redirect: 'error'`; anything else (file uploads send FormData) goes to the global fetch.
 */
const IDLE_SOCKET_MS = 4_000;

export function createNodeHttpFetch(): FetchFunction {
  // An idle kept-alive socket is dropped after 4 s, before a server that closes idle connections at Node's
  // default 5 s does: reusing a socket the server is closing fails the request with ECONNRESET, and a POST
  // cannot be retried blindly (Slack may have acted on it).
  const idle = { keepAlive: true, timeout: IDLE_SOCKET_MS };
  const agents = {
    'http:': new http.Agent(idle),
    'https:': new https.Agent(idle),
  };
  return (input, init = {}) => {
    const url = typeof input === 'string' ? new URL(input) : input;
    const agent = agents[url.protocol as keyof typeof agents];
    if (!agent || (init.body !== undefined && typeof init.body !== 'string')) {
      return globalThis.fetch(input, init as RequestInit) as Promise<FetchResponse>;
    }
    return send(url, agent, init.method ?? 'GET', init.headers ?? {}, init.body, init.signal, init.redirect);
  };
}

function send(
  url: URL,
  agent: http.Agent,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal | undefined,
  redirect: string | undefined,
): Promise<FetchResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    // The timeout ends a call only while it is in flight. Handing the signal to node:http instead let a call's
    // signal fire after its answer had come, and destroy the kept-alive socket another call was by then using
    // (ECONNRESET on a message Slack may have taken).
    const abort = () => request.destroy(signal?.reason);
    const settle = () => signal?.removeEventListener('abort', abort);
    const fail = (error: unknown) => {
      settle();
      reject(error);
    };
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (redirect === 'error' && status >= 300 && status < 400) {
          response.resume();
          fail(
            new TypeError(`redirected to ${response.headers.location ?? 'nowhere'} with redirect: 'error'`),
          );
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () => {
          settle();
          resolve(bufferedResponse(url, status, response.statusMessage ?? '', response.headers, chunks));
        });
      },
    );
    signal?.addEventListener('abort', abort, { once: true });
    request.on('error', fail);
    request.end(body);
  });
}

function bufferedResponse(
  url: URL,
  status: number,
  statusText: string,
  rawHeaders: http.IncomingHttpHeaders,
  chunks: Buffer[],
): FetchResponse {
  const body = Buffer.concat(chunks);
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(rawHeaders)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText,
    url: url.toString(),
    headers: {
      get: (name: string) => headers.get(name.toLowerCase()) ?? null,
      entries: () => headers.entries(),
    },
    text: async () => body.toString('utf8'),
    json: async () => JSON.parse(body.toString('utf8')),
    arrayBuffer: async () =>
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
  };
}
