// A Cita app served on 127.0.0.1 by the Node entry's server, and requests to it from a chosen loopback
// address (127.0.0.2, 127.0.0.3, ...): several clients, as the server sees them, from one machine.
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import type { Hono } from "hono";
import { serveNode } from "../../src/node-serve.js";

export interface ServedApp {
  port: number;
  /** Sends a request from `from` (a loopback address) and reads the JSON answer. */
  send(
    from: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown>; text: string }>;
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: any Hono app's environment
export async function serveOnLoopback(app: Hono<any>): Promise<ServedApp> {
  const server = await new Promise<ReturnType<typeof serveNode>>((resolve) => {
    const listening = serveNode(app.fetch, { hostname: "127.0.0.1", port: 0 }, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    send: (from, method, path, body, headers = {}) =>
      new Promise((resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const outgoing = httpRequest(
          {
            host: "127.0.0.1",
            port,
            method,
            path,
            localAddress: from,
            agent: false,
            headers: { ...(payload === undefined ? {} : { "content-type": "application/json" }), ...headers },
          },
          (incoming) => {
            let text = "";
            incoming.setEncoding("utf8");
            incoming.on("data", (chunk: string) => {
              text += chunk;
            });
            incoming.on("end", () =>
              resolve({
                status: incoming.statusCode ?? 0,
                body: JSON.parse(text) as Record<string, unknown>,
                text,
              }),
            );
          },
        );
        outgoing.on("error", reject);
        outgoing.end(payload);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
