// POST /v1/appointments/parse over a real socket, served as the Node entry serves it (src/node-serve.ts,
// batched by event-loop turn): a chunked oversize body and concurrent requests. The route's contract in
// process is src/http/routes/parse.test.ts.
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorResponseSchema } from "../src/http/schemas/errors.js";
import { ParseResponseSchema } from "../src/http/schemas/parse.js";
import { serveNode } from "../src/node-serve.js";
import { STACK_TRACE } from "./support/answers.js";
import { loggedApp, PARSE, pinned } from "./support/parse-requests.js";

describe("POST /v1/appointments/parse: body size over a real socket", () => {
  let server: ServerType;
  let port: number;
  const transferEncodings: (string | null)[] = [];

  beforeAll(async () => {
    const { app: served } = loggedApp();
    server = serveNode(
      (request: Request) => {
        transferEncodings.push(request.headers.get("transfer-encoding"));
        return served.fetch(request);
      },
      { port: 0, hostname: "127.0.0.1" },
    );
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  });

  it("answers a chunked 1 MB request sent with node:http with 413 in the error shape", async () => {
    const chunk = "a".repeat(64 * 1024);
    const answer = await new Promise<{ status: number; requestId: unknown; body: string }>(
      (resolve, reject) => {
        let answered = false;
        const outgoing = httpRequest(
          {
            host: "127.0.0.1",
            port,
            method: "POST",
            path: PARSE,
            agent: false,
            headers: { "content-type": "application/json" },
          },
          (incoming) => {
            answered = true;
            let body = "";
            incoming.setEncoding("utf8");
            incoming.on("data", (data: string) => {
              body += data;
            });
            incoming.on("end", () =>
              resolve({
                status: incoming.statusCode ?? 0,
                requestId: incoming.headers["x-request-id"],
                body,
              }),
            );
          },
        );
        // The server may hang up once it has refused the body; only an error before an answer counts.
        outgoing.on("error", (error) => {
          if (!answered) reject(error);
        });
        let sent = 0;
        const pump = () => {
          while (sent < 16) {
            sent++;
            if (!outgoing.write(chunk)) {
              outgoing.once("drain", pump);
              return;
            }
          }
          outgoing.end('"}');
        };
        outgoing.write('{"text":"');
        pump();
      },
    );
    expect(transferEncodings).toEqual(["chunked"]);
    expect(answer.status).toBe(413);
    expect(answer.body).not.toMatch(STACK_TRACE);
    const { error } = ErrorResponseSchema.parse(JSON.parse(answer.body));
    expect(error.code).toBe("payload_too_large");
    expect(error.requestId).toBe(answer.requestId);
  });

  it("gives each of 40 concurrent requests its own answer", async () => {
    // Each asks for a different day and carries its own id: a batch that crossed answers would show.
    const days = Array.from({ length: 40 }, (_, index) => (index % 28) + 1);
    const answers = await Promise.all(
      days.map(async (day, index) => {
        const response = await fetch(`http://127.0.0.1:${port}${PARSE}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-request-id": `concurrent-${index}` },
          body: JSON.stringify(pinned(`cita el ${day} de marzo a las 10`)),
        });
        return { status: response.status, body: ParseResponseSchema.parse(await response.json()) };
      }),
    );
    answers.forEach(({ status, body }, index) => {
      expect(status).toBe(200);
      expect(body.meta.requestId).toBe(`concurrent-${index}`);
      expect(body.appointment.date).toBe(`2026-03-${String(days[index]).padStart(2, "0")}`);
      expect(body.appointment.time).toBe("10:00");
    });
  });
});
