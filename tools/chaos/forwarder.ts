// A switchable TCP forwarder for the chaos suite: it sits in front of the simulator so the primary provider
// can really go away. "refuse" closes the listener and drops its connections, so new connects fail with
// ECONNREFUSED from the kernel (not an HTTP error, not a reset); "restore" listens again on the same port.

import type { AddressInfo } from "node:net";
import { createConnection, createServer, type Server, type Socket } from "node:net";

/** A forwarder from 127.0.0.1:port to the target; starts accepting. */
export interface Forwarder {
  /** http://127.0.0.1:PORT, the same for the forwarder's whole life. */
  readonly url: string;
  readonly port: number;
  /** Whether connects are being refused right now. */
  refusing(): boolean;
  /** Connections accepted so far (refused connects are never seen: the kernel answers them). */
  accepted(): number;
  /** Closes the listener and drops every open connection: new connects get ECONNREFUSED. */
  refuse(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

const RELISTEN_TRIES = 20;

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once("error", failed);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Starts a forwarder to `target` (a URL whose host and port are used; the path is ignored). */
export async function startForwarder(target: string): Promise<Forwarder> {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<Socket>();
  let accepted = 0;
  let server: Server | null = null;

  const pipe = (client: Socket) => {
    accepted++;
    const upstream = createConnection({ host: hostname, port: Number(targetPort) });
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on("error", drop);
      socket.on("close", drop);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const open = async (port: number) => {
    for (let tries = 1; ; tries++) {
      const candidate = createServer(pipe);
      try {
        const bound = await listen(candidate, port);
        server = candidate;
        return bound;
      } catch (error) {
        // The old socket may linger for a moment after close; the port is ours, so try again.
        if (tries >= RELISTEN_TRIES || (error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  };

  const shut = async () => {
    const current = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (current) await closeServer(current);
  };

  const port = await open(0);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    refusing: () => server === null,
    accepted: () => accepted,
    refuse: shut,
    async restore() {
      if (server === null) await open(port);
    },
    close: shut,
  };
}
