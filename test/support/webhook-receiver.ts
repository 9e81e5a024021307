// A webhook receiver on 127.0.0.1 for the incident webhook's tests (src/incidents/webhook.test.ts, the
// scenarios): it keeps every call (path, headers, JSON body) and answers each as the test's `reply` says:
// a status with headers and a body, after a promise the test settles, or never ("hang"). `close` ends the
// hanging connections too, so no test leaves a socket behind.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export type Reply = "hang" | { status: number; headers?: Record<string, string>; body?: string };

export interface WebhookReceiver {
  /** The receiver's URL with `path` (a secret-looking one by default). */
  url: string;
  calls: ReceivedCall[];
  /** Resolves once `count` calls have arrived. */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

export const SECRET_PATH = "/services/T0INCIDENT/B0WEBHOOK/s3cr3t-webhook-token";

export async function startWebhookReceiver(
  reply: (call: ReceivedCall, index: number) => Reply | Promise<Reply> = () => ({ status: 200, body: "ok" }),
  path = SECRET_PATH,
): Promise<WebhookReceiver> {
  const calls: ReceivedCall[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text: the test says what it expected.
      }
      const call = { path: request.url ?? "", headers: request.headers, body };
      const index = calls.push(call) - 1;
      for (const waiter of waiting.filter((waiter) => calls.length >= waiter.count)) waiter.resolve();
      const answer = await reply(call, index);
      if (answer === "hang") return;
      response.writeHead(answer.status, answer.headers).end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    calls,
    received: (count) =>
      calls.length >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
