// A local stand-in for a Slack incoming webhook on 127.0.0.1, for the incident tests: it keeps every call
// it receives (time and JSON body) and answers as told: 200 like Slack, 500 (a webhook that fails), or
// never (a webhook that hangs: the connection stays open until the receiver closes).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export type WebhookBehaviour = "ok" | "fail" | "hang";

export interface WebhookCall {
  at: number;
  body: unknown;
}

export interface WebhookReceiver {
  url: string;
  calls: WebhookCall[];
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        resolve(null);
      }
    });
  });
}

export async function startWebhookReceiver(behaviour: WebhookBehaviour): Promise<WebhookReceiver> {
  const calls: WebhookCall[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    calls.push({ at: Date.now(), body });
    if (behaviour === "hang") return;
    response.writeHead(behaviour === "ok" ? 200 : 500, { "content-type": "text/plain" });
    response.end(behaviour === "ok" ? "ok" : "internal error");
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
  );
  return {
    url: `http://127.0.0.1:${port}/hooks/incidents`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
