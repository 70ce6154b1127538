import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones, as a database outage looks to the app. */
  cut(): void;
  /** Accepts connections again, as after a database restart. */
  restore(): void;
  /**
   * Cuts the moment a client sends bytes containing `text` (before they reach the server), so a test can take
   * the database away in the middle of a transaction, at a statement it names.
   */
  cutWhenClientSends(text: string): Promise<void>;
  /**
   * Lets bytes containing `text` reach the server, then drops the connections before the server's answer gets
   * back: the server did the work (a COMMIT, say) and the app only sees its connection lost. New connections
   * are accepted, as after a network blip.
   */
  dropAnswerTo(text: string): Promise<void>;
  close(): Promise<void>;
}

/** A loopback TCP proxy in front of a real server, so tests can take the server away and bring it back. */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let isCut = false;
  let trap: { text: string; sprung: () => void } | undefined;
  let answerTrap: { text: string; sprung: () => void; armed: boolean } | undefined;
  const dropOpenConnections = () => {
    for (const socket of open) socket.destroy();
  };
  const cut = () => {
    isCut = true;
    for (const socket of open) socket.destroy();
  };
  const server = createServer((client) => {
    // Refused as by a host with nothing listening: a reset, so the connect attempt fails. An accepted connection
    // closed cleanly instead would have postgres.js reconnect at once, in a loop, for as long as the cut lasts.
    if (isCut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      if (answerTrap && !answerTrap.armed && chunk.includes(answerTrap.text)) answerTrap.armed = true;
      if (trap && chunk.includes(trap.text)) {
        const { sprung } = trap;
        trap = undefined;
        cut();
        sprung();
        return;
      }
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on('drain', () => client.resume());
    upstream.on('data', (chunk: Buffer) => {
      if (answerTrap?.armed) {
        const { sprung } = answerTrap;
        answerTrap = undefined;
        dropOpenConnections();
        sprung();
        return;
      }
      if (!client.write(chunk)) upstream.pause();
    });
    client.on('drain', () => upstream.resume());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('proxy did not bind');
  return {
    port: address.port,
    cut,
    restore: () => {
      isCut = false;
    },
    cutWhenClientSends: (text) =>
      new Promise<void>((resolve) => {
        trap = { text, sprung: resolve };
      }),
    dropAnswerTo: (text) =>
      new Promise<void>((resolve) => {
        answerTrap = { text, sprung: resolve, armed: false };
      }),
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
