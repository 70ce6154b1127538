import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, type HTTPReceiverOptions, type Logger } from '@slack/bolt';
import type { Database } from '../../db/client.js';
import { namesWorkspacesLikeSlack, payloadKindOf } from './payload-guard.js';
import { createReplayGuard } from './replay-guard.js';
import {
  MAX_REQUEST_BYTES,
  type Refusal,
  readBoundedBody,
  readSignedBody,
  verifySignedHeaders,
} from './signed-request.js';

/** Bolt's HTTP receiver serves Slack here (its default `endpoints`). */
const EVENTS_PATH = '/slack/events';

export interface HttpReceiverOptions
  extends Omit<
    HTTPReceiverOptions,
    'bodyLimit' | 'processEventErrorHandler' | 'signatureVerification' | 'endpoints'
  > {
  logger: Logger;
  /** Where replayed signatures are remembered, shared by every instance. */
  db: Database;
}

/**
 * Bolt's HTTP receiver behind a stricter door. Before Bolt sees a request to /slack/events it must fit Slack's
 * payload sizes (refused before the body is read), carry a fresh timestamp (Bolt refuses old ones only), a valid
 * signature, a body that is a JSON object, and a signature never seen before (Slack's event retries are known
 * by their event id instead). Whatever a listener throws is answered 200: the person is told by the listener,
 * and Slack must not retry or show a 500.
 */
export function createHttpReceiver(options: HttpReceiverOptions): HTTPReceiver {
  const { db, logger, ...receiverOptions } = options;
  const receiver = new HTTPReceiver({
    ...receiverOptions,
    logger,
    bodyLimit: MAX_REQUEST_BYTES,
    processEventErrorHandler: async ({ error, response }) => {
      logger.error('a listener failed before answering Slack', error);
      if (!response.headersSent) {
        response.writeHead(200);
        response.end();
      }
      return false;
    },
  });
  const replays = createReplayGuard(db, logger);
  const bolt = receiver.requestListener;
  receiver.requestListener = (request, response) => {
    if (!isSlackRequest(request)) {
      bolt(request, response);
      return;
    }
    admit(request, options.signingSecret, replays).then(
      (decision) => {
        if (decision.kind === 'admit') bolt(request, response);
        else refuse(response, decision, logger);
      },
      (error: unknown) => {
        logger.error('could not read a request from Slack', error);
        refuse(response, { kind: 'refuse', status: 400, reason: 'unreadable request' }, logger);
      },
    );
  };
  return receiver;
}

function isSlackRequest(request: IncomingMessage): boolean {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  return request.method === 'POST' && path === EVENTS_PATH;
}

type Decision = { kind: 'admit' } | Refusal;

async function admit(
  request: IncomingMessage,
  signingSecret: string,
  replays: ReturnType<typeof createReplayGuard>,
): Promise<Decision> {
  const headers = verifySignedHeaders(request);
  if (headers.kind === 'refuse') {
    // Slack's ssl_check is the one unsigned request it sends; Bolt answers it and strips anything else.
    if (headers.sslCheckPossible) {
      const body = await readBoundedBody(request);
      if (body.kind === 'refuse') return body;
      if (new URLSearchParams(body.text).get('ssl_check') === '1') return passBody(request, body.raw);
    }
    return headers;
  }
  const signed = await readSignedBody(request, signingSecret, headers);
  if (signed.kind === 'refuse') return signed;
  const routed = routeFor(signed.body);
  if (routed.kind === 'refuse') return routed;
  const replay = await replays.check(signed);
  if (replay.kind === 'refuse') return replay;
  return passBody(request, signed.raw);
}

/**
 * Bolt answers Slack's handshakes itself, and waits 3 s before answering a body it routes nowhere; such a body
 * is answered here at once. One naming a workspace in a form Slack never uses stops here too (see
 * namesWorkspacesLikeSlack): nobody could be told, and no lookup should see it.
 */
function routeFor(body: Record<string, unknown>): Decision {
  if (body.type === 'url_verification' || body.ssl_check === '1') return { kind: 'admit' };
  if (!payloadKindOf(body))
    return { kind: 'refuse', status: 200, reason: 'a kind of payload nothing here handles' };
  if (!namesWorkspacesLikeSlack(body))
    return { kind: 'refuse', status: 200, reason: 'a workspace id not in Slack form' };
  return { kind: 'admit' };
}

/** Bolt reads a body once; one that is already buffered (`rawBody`) is taken as it is. */
function passBody(request: IncomingMessage, raw: Buffer): Decision {
  Object.assign(request, { rawBody: raw });
  return { kind: 'admit' };
}

/** Answers without reading further; `connection: close` drops whatever the client still sends. */
function refuse(response: ServerResponse, refusal: Refusal, logger: Logger): void {
  if (refusal.status >= 400) logger.warn(`refused a request to ${EVENTS_PATH}: ${refusal.reason}`);
  else logger.info(`answered without acting: ${refusal.reason}`);
  if (response.headersSent) return;
  response.writeHead(refusal.status, { connection: 'close' });
  response.end();
}
