// The HTTP contract of POST /v1/appointments/parse and its neighbours (docs: shared/spec/api.md), driven
// in-process with app.request(), plus one real socket for the chunked oversize body.
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import SwaggerParser from "@apidevtools/swagger-parser";
import type { ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { jsonLogger } from "../src/http/logger.js";
import { ErrorResponseSchema } from "../src/http/schemas/errors.js";
import { HealthResponseSchema } from "../src/http/schemas/health.js";
import { type ParseResponse, ParseResponseSchema } from "../src/http/schemas/parse.js";
import { MAX_BODY_BYTES } from "../src/http/validation.js";
import { serveNode } from "../src/node-serve.js";

const PARSE = "/v1/appointments/parse";
const NOW = "2026-01-22T10:30:00-06:00";
const ZONE = "America/Mexico_City";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What a stack trace leaves behind: "    at fn (file.ts:1:2)", file URLs, source positions. */
const STACK_TRACE = /\n\s+at\s|\bat\s+\S+\s+\(|file:\/\/|node_modules|\.[cm]?[jt]s:\d+|\w+Error:\s/;

type App = ReturnType<typeof createApp>;

/** An app whose every log line (debug included) is kept for inspection. */
function loggedApp(): { app: App; lines: string[] } {
  const lines: string[] = [];
  const config = readConfig({ LOG_LEVEL: "debug" });
  return { app: createApp({ config, logger: jsonLogger("debug", (line) => lines.push(line)) }), lines };
}

function post(app: App, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request(PARSE, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

/** A request body that names the zone and the reference instant, so answers do not depend on the clock. */
function pinned(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { text, timezone: ZONE, now: NOW, ...extra };
}

async function expectError(
  response: Response,
  status: number,
  code: string,
): Promise<{ code: string; message: string; requestId: string }> {
  const raw = await response.text();
  expect(response.status, raw).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(raw).not.toMatch(STACK_TRACE);
  const { error } = ErrorResponseSchema.parse(JSON.parse(raw));
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.requestId).not.toBe("");
  expect(error.requestId).toBe(response.headers.get("x-request-id"));
  return error;
}

async function expectParsed(response: Response): Promise<ParseResponse> {
  const raw = await response.text();
  expect(response.status, raw).toBe(200);
  expect(raw).not.toMatch(STACK_TRACE);
  const body = ParseResponseSchema.parse(JSON.parse(raw));
  expect(body.meta.requestId).toBe(response.headers.get("x-request-id"));
  return body;
}

/** A body of exactly `bytes` bytes: {"text":"aaa…"}. */
function bodyOfSize(bytes: number): string {
  const frame = JSON.stringify({ text: "" }).length;
  return JSON.stringify({ text: "a".repeat(bytes - frame) });
}

const ONE_MEGABYTE = 1024 * 1024;

describe("POST /v1/appointments/parse: text", () => {
  const { app } = loggedApp();

  it.each([
    ["empty", ""],
    ["spaces, tabs and newlines", "   \n\t  \r\n "],
    ["non-ASCII white space", "\u00a0\u3000\u2003\ufeff"],
  ])("rejects %s text with 400 invalid_request naming text", async (_label, text) => {
    const error = await expectError(await post(app, pinned(text)), 400, "invalid_request");
    expect(error.message).toMatch(/\btext\b/);
  });

  it("rejects a missing text naming text", async () => {
    const error = await expectError(await post(app, { timezone: ZONE }), 400, "invalid_request");
    expect(error.message).toMatch(/\btext\b/);
  });

  it("rejects a text that is not a string", async () => {
    const error = await expectError(await post(app, pinned(42 as unknown as string)), 400, "invalid_request");
    expect(error.message).toMatch(/\btext\b/);
  });

  it("rejects 2001 characters with 400 naming text", async () => {
    const error = await expectError(await post(app, pinned("a".repeat(2001))), 400, "invalid_request");
    expect(error.message).toMatch(/\btext\b/);
    expect(error.message).toMatch(/2000/);
  });

  it("accepts exactly 2000 characters, and 2000 surrounded by white space (the limit is after trimming)", async () => {
    await expectParsed(await post(app, pinned("a".repeat(2000))));
    await expectParsed(await post(app, pinned(`   ${"a".repeat(2000)}\n\n`)));
  });

  it("counts characters, not UTF-16 units: 2000 emoji pass, 2001 do not", async () => {
    await expectParsed(await post(app, pinned("😀".repeat(2000))));
    const error = await expectError(await post(app, pinned("😀".repeat(2001))), 400, "invalid_request");
    expect(error.message).toMatch(/2000/);
  });

  it.each([
    ["only emoji", "😀🎉👍🏽👨‍👩‍👧‍👦"],
    ["only control characters", "\u0001\u0002\u0003\u0007\u001b\u007f"],
    ["French", "Je voudrais un rendez-vous demain à 10h avec le docteur"],
    ["German", "Ich möchte bitte einen Termin morgen um 10 Uhr"],
  ])("answers %s with 200 needs_clarification and no appointment", async (_label, text) => {
    const body = await expectParsed(await post(app, pinned(text)));
    expect(body.status).toBe("needs_clarification");
    expect(body.appointment.start).toBeNull();
    expect(body.appointment.date).toBeNull();
    expect(body.ambiguities.length).toBeGreaterThan(0);
  });
});

describe("POST /v1/appointments/parse: body size", () => {
  const { app } = loggedApp();

  it("answers a 1 MB body announced by Content-Length with 413 payload_too_large", async () => {
    const body = bodyOfSize(ONE_MEGABYTE);
    const response = await post(app, body, { "content-length": String(body.length) });
    await expectError(response, 413, "payload_too_large");
  });

  it("draws the line at 16 KiB: one byte over is 413, exactly the limit is read (and then too long)", async () => {
    const over = bodyOfSize(MAX_BODY_BYTES + 1);
    await expectError(
      await post(app, over, { "content-length": String(over.length) }),
      413,
      "payload_too_large",
    );
    const at = bodyOfSize(MAX_BODY_BYTES);
    const error = await expectError(
      await post(app, at, { "content-length": String(at.length) }),
      400,
      "invalid_request",
    );
    expect(error.message).toMatch(/\btext\b/);
  });

  it("answers a 1 MB chunked body (a stream, no Content-Length) with 413 and stops reading it", async () => {
    const bytes = new TextEncoder().encode(bodyOfSize(ONE_MEGABYTE));
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= bytes.length) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.subarray(pulled, pulled + 16 * 1024));
        pulled += 16 * 1024;
      },
    });
    const response = await app.request(PARSE, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.headers.get("content-length")).not.toBe(String(bytes.length));
    await expectError(response, 413, "payload_too_large");
    expect(pulled).toBeLessThan(bytes.length);
  });

  // Served as the Node entry serves the app: batched by event-loop turn (src/node-serve.ts).
  describe("over a real socket", () => {
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
});

describe("POST /v1/appointments/parse: malformed requests", () => {
  const { app } = loggedApp();

  it.each([
    ["a broken object", "{bad"],
    ["a trailing comma", '{"text": "cita mañana",}'],
    ["an empty body", ""],
  ])("answers %s with 400 invalid_json", async (_label, raw) => {
    await expectError(await post(app, raw), 400, "invalid_json");
  });

  it.each([
    ["an array", "[1, 2]"],
    ["null", "null"],
    ["a string", '"cita mañana a las 10"'],
  ])("answers JSON that is %s with 400 invalid_request", async (_label, raw) => {
    await expectError(await post(app, raw), 400, "invalid_request");
  });

  it("answers text/plain with 415 unsupported_media_type", async () => {
    const response = await post(app, pinned("cita mañana a las 10"), { "content-type": "text/plain" });
    await expectError(response, 415, "unsupported_media_type");
  });

  it("answers a body without a content type with 415", async () => {
    const response = await app.request(PARSE, {
      method: "POST",
      body: new Blob([JSON.stringify(pinned("cita mañana a las 10"))]),
    });
    await expectError(response, 415, "unsupported_media_type");
  });

  it("accepts application/json with a charset", async () => {
    await expectParsed(
      await post(app, pinned("cita mañana a las 10"), { "content-type": "application/json; charset=utf-8" }),
    );
  });

  it.each([
    ["confidence", 0.99],
    ["status", "complete"],
    ["provider", "openai"],
  ])("rejects the unknown field %s with 400 naming it", async (field, value) => {
    const error = await expectError(
      await post(app, pinned("cita mañana a las 10", { [field]: value })),
      400,
      "invalid_request",
    );
    expect(error.message).toContain(field);
  });

  it.each([
    ["an unknown zone", "Mars/Olympus_Mons"],
    ["an empty zone", ""],
    ["an offset instead of a zone name", "+02:00 Madrid"],
  ])("rejects %s as timezone", async (_label, timezone) => {
    const error = await expectError(
      await post(app, pinned("cita mañana a las 10", { timezone })),
      400,
      "invalid_request",
    );
    expect(error.message).toMatch(/\btimezone\b/);
  });

  it.each([
    ["no offset", "2026-01-22T10:30:00"],
    ["garbage", "next tuesday-ish"],
    ["a date only", "2026-01-22"],
    ["February 30th", "2026-02-30T10:00:00+01:00"],
    ["hour 25", "2026-01-22T25:00:00Z"],
    ["a number", 1769099400000],
  ])("rejects now with %s", async (_label, now) => {
    const error = await expectError(
      await post(app, pinned("cita mañana a las 10", { now })),
      400,
      "invalid_request",
    );
    expect(error.message).toMatch(/\bnow\b/);
  });

  it.each([
    ["a garbage tag", "!!not a locale!!"],
    ["an unsupported language", "fr-FR"],
    ["German", "de"],
    ["a POSIX locale name", "es_ES"],
  ])("rejects %s as locale", async (_label, locale) => {
    const error = await expectError(
      await post(app, pinned("cita mañana a las 10", { locale })),
      400,
      "invalid_request",
    );
    expect(error.message).toMatch(/\blocale\b/);
  });

  it.each(["es", "es-MX", "es-ES", "es-AR", "en", "en-US", "en-GB"])(
    "accepts the locale %s",
    async (locale) => {
      await expectParsed(await post(app, pinned("cita mañana a las 10", { locale })));
    },
  );

  it("rejects an unknown mode", async () => {
    const error = await expectError(
      await post(app, pinned("cita mañana a las 10", { mode: "magic" })),
      400,
      "invalid_request",
    );
    expect(error.message).toMatch(/\bmode\b/);
  });

  it("answers mode llm with no provider configured with 503 llm_unavailable", async () => {
    await expectError(
      await post(app, pinned("cita mañana a las 10", { mode: "llm" })),
      503,
      "llm_unavailable",
    );
  });

  it("answers modes rules and auto with the rules parser", async () => {
    for (const mode of ["rules", "auto"]) {
      const body = await expectParsed(await post(app, pinned("cita mañana a las 10", { mode })));
      expect(body.meta.mode).toBe("rules");
    }
  });

  it("answers a body that fails while being read with 500 internal", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"text": "cita ma'));
      },
      pull(controller) {
        controller.error(new Error("connection reset by peer"));
      },
    });
    const response = await app.request(PARSE, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const error = await expectError(response, 500, "internal");
    expect(error.message).not.toContain("connection reset");
  });
});

describe("routes", () => {
  const { app } = loggedApp();

  it.each(["GET", "PUT", "DELETE", "PATCH"])(
    "answers %s on the parse route with 405 and Allow: POST",
    async (method) => {
      const response = await app.request(PARSE, { method });
      expect(response.headers.get("allow")).toBe("POST");
      await expectError(response, 405, "method_not_allowed");
    },
  );

  it.each(["/", "/v1/appointments", "/v1/appointments/parse/extra", "/v2/appointments/parse"])(
    "answers the unknown route %s with 404 not_found",
    async (path) => {
      await expectError(await app.request(path), 404, "not_found");
      await expectError(await app.request(path, { method: "POST" }), 404, "not_found");
    },
  );

  it("answers GET /health with its shape", async () => {
    const response = await app.request("/health");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toMatch(UUID);
    const body = HealthResponseSchema.parse(await response.json());
    expect(body.status).toBe("ok");
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.modes).toContain("rules");
  });
});

describe("X-Request-Id", () => {
  const { app } = loggedApp();

  it.each([
    ["a short id", "client-req_1.2:3"],
    ["a UUID", "0b8a3e2c-6f5d-4e1a-9c7b-2d4f6a8b0c1e"],
    ["64 characters", "a".repeat(64)],
  ])("reuses %s in the header and in meta.requestId", async (_label, id) => {
    const response = await post(app, pinned("cita mañana a las 10"), { "x-request-id": id });
    expect(response.headers.get("x-request-id")).toBe(id);
    const body = await expectParsed(response);
    expect(body.meta.requestId).toBe(id);
  });

  it("reuses a safe id in error.requestId", async () => {
    const response = await post(app, "{bad", { "x-request-id": "trace-42" });
    expect(response.headers.get("x-request-id")).toBe("trace-42");
    const error = await expectError(response, 400, "invalid_json");
    expect(error.requestId).toBe("trace-42");
  });

  it.each([
    ["65 characters", "a".repeat(65)],
    ["spaces", "id with spaces"],
    ["markup", "<script>alert(1)</script>"],
    ["a log-forging newline escape", "abc%0d%0aforged"],
    ["quotes", 'x"y'],
    ["non-ASCII letters", "señal"],
  ])("replaces an id with %s by a generated one", async (_label, id) => {
    const response = await post(app, pinned("cita mañana a las 10"), { "x-request-id": id });
    const header = response.headers.get("x-request-id");
    expect(header).not.toBe(id);
    expect(header).toMatch(UUID);
    const body = await expectParsed(response);
    expect(body.meta.requestId).toBe(header);
  });

  it("replaces an unsafe id in errors too", async () => {
    const response = await post(app, "{bad", { "x-request-id": "a".repeat(65) });
    const error = await expectError(response, 400, "invalid_json");
    expect(error.requestId).toMatch(UUID);
  });

  it("generates a different id for each request that sends none", async () => {
    const first = await post(app, pinned("cita mañana a las 10"));
    const second = await post(app, pinned("cita mañana a las 10"));
    expect(first.headers.get("x-request-id")).toMatch(UUID);
    expect(second.headers.get("x-request-id")).toMatch(UUID);
    expect(first.headers.get("x-request-id")).not.toBe(second.headers.get("x-request-id"));
  });
});

describe("GET /openapi.json", () => {
  const { app } = loggedApp();

  async function fetchDocument(): Promise<Record<string, unknown>> {
    const response = await app.request("/openapi.json");
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  /** Follows a local JSON pointer such as #/components/schemas/ParseRequest. */
  function resolvePointer(document: unknown, pointer: string): unknown {
    expect(pointer.startsWith("#/")).toBe(true);
    let node: unknown = document;
    for (const token of pointer.slice(2).split("/")) {
      const key = token.replaceAll("~1", "/").replaceAll("~0", "~");
      if (node === null || typeof node !== "object" || !(key in node)) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  }

  function collectReferences(node: unknown, found: string[] = []): string[] {
    if (Array.isArray(node)) {
      for (const item of node) collectReferences(item, found);
    } else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string") found.push(value);
        else collectReferences(value, found);
      }
    }
    return found;
  }

  it("is an OpenAPI 3 document with the parse route", async () => {
    const document = await fetchDocument();
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document).toHaveProperty("info.title");
    expect(document).toHaveProperty("info.version");
    const paths = document.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(["/v1/appointments/parse", "/health", "/openapi.json"]),
    );
    const post = paths["/v1/appointments/parse"]!.post as Record<string, unknown>;
    expect(Object.keys(post.responses as object)).toEqual(
      expect.arrayContaining(["200", "400", "413", "415", "503"]),
    );
  });

  it("describes the request with exactly the contract's fields and additionalProperties false", async () => {
    const document = await fetchDocument();
    const reference = resolvePointer(
      document,
      "#/paths/~1v1~1appointments~1parse/post/requestBody/content/application~1json/schema",
    ) as Record<string, unknown>;
    const schema = (
      typeof reference.$ref === "string" ? resolvePointer(document, reference.$ref) : reference
    ) as Record<string, unknown>;
    expect(schema).toBeDefined();
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as object).sort()).toEqual(
      ["calendarId", "locale", "mode", "now", "text", "timezone"].sort(),
    );
    expect(schema.required).toEqual(["text"]);
    expect(resolvePointer(schema, "#/properties/mode/enum")).toEqual(["auto", "rules", "llm"]);
  });

  it("resolves every $ref inside the document", async () => {
    const document = await fetchDocument();
    const references = collectReferences(document);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(resolvePointer(document, reference), reference).toBeDefined();
    }
  });

  it("passes swagger-parser's OpenAPI validation", async () => {
    const document = await fetchDocument();
    // validate() dereferences in place, hence the copy; its OpenAPI.Document type comes from a peer package.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });
});

describe("answers and side effects", () => {
  it("answers a complete request in the ParseResponse shape with the pinned date and offset", async () => {
    const { app } = loggedApp();
    const body = await expectParsed(await post(app, pinned("cita con el Dr. Pérez mañana a las 10")));
    expect(body.status).toBe("complete");
    expect(body.appointment).toMatchObject({
      contact: "Dr. Pérez",
      date: "2026-01-23",
      time: "10:00",
      start: "2026-01-23T10:00:00-06:00",
      timezone: ZONE,
    });
    expect(body.meta.agents[0]).toBe("parsing");
  });

  it("puts no stack trace in any response or log line, whatever goes wrong", async () => {
    const { app, lines } = loggedApp();
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError("stream broke"));
      },
    });
    const responses = await Promise.all([
      post(app, pinned("")),
      post(app, pinned("a".repeat(2001))),
      post(app, bodyOfSize(ONE_MEGABYTE)),
      post(app, "{bad"),
      post(app, pinned("x"), { "content-type": "text/plain" }),
      post(app, pinned("x", { confidence: 1 })),
      post(app, pinned("x", { timezone: "Nowhere/Land" })),
      post(app, pinned("x", { now: "garbage" })),
      post(app, pinned("x", { locale: "fr-FR" })),
      post(app, pinned("x", { mode: "llm" })),
      post(app, pinned("😀")),
      post(app, pinned("cita mañana a las 25:99 con el Dr.")),
      app.request(PARSE),
      app.request("/nowhere"),
      app.request(PARSE, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: failing,
        duplex: "half",
      } as RequestInit),
    ]);
    const statuses = responses.map((response) => response.status);
    expect(statuses).toContain(500);
    expect(statuses).toContain(413);
    for (const response of responses) {
      const raw = await response.text();
      expect(raw).not.toMatch(STACK_TRACE);
      expect(raw).not.toContain("stream broke");
    }
    expect(lines.length).toBeGreaterThanOrEqual(responses.length);
    for (const line of lines) {
      expect(line).not.toMatch(STACK_TRACE);
      expect(() => JSON.parse(line)).not.toThrow();
    }
  });

  it("changes nothing when a request fails validation", async () => {
    const { app } = loggedApp();
    const valid = pinned("turno con la Dra. Gómez el viernes a las 4 de la tarde", { locale: "es-AR" });
    const answer = async () => {
      const body = await expectParsed(await post(app, valid, { "x-request-id": "same-id" }));
      const { timingsMs, ...meta } = body.meta;
      expect(Object.keys(timingsMs)).toEqual(meta.agents);
      return { ...body, meta };
    };
    const before = await answer();
    expect(before.status).toBe("complete");
    const rejected = await Promise.all([
      post(app, { ...valid, confidence: 1 }),
      post(app, { ...valid, status: "invalid" }),
      post(app, { ...valid, timezone: "Europe/Nowhere" }),
      post(app, { ...valid, locale: "fr-FR" }),
      post(app, { ...valid, now: "2026-02-30T10:00:00Z" }),
      post(app, { ...valid, text: "" }),
      post(app, JSON.stringify(valid).slice(0, -1)),
      post(app, bodyOfSize(ONE_MEGABYTE)),
    ]);
    for (const response of rejected) expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await answer()).toEqual(before);
  });
});
