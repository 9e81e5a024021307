// The request middleware (src/http/request-log.ts): a client's safe X-Request-Id is reused in the header,
// the answer and its errors; anything else is replaced by a generated id. The line names the calling key.
import { describe, expect, it } from "vitest";
import { expectError, UUID } from "../../test/support/answers.js";
import { openCalendarApp, TOKEN } from "../../test/support/calendar-app.js";
import { expectParsed, loggedApp, pinned, post } from "../../test/support/parse-requests.js";
import { jsonLogger } from "./logger.js";

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

describe("the log line's caller", () => {
  it("names the client key's id, never its secret, and no key for an anonymous call", async () => {
    const lines: string[] = [];
    const calendars = await openCalendarApp({
      app: { logger: jsonLogger("info", (line) => lines.push(line)) },
    });
    try {
      const created = await calendars.app.request("/admin/keys", {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "web", scopes: ["parse"] }),
      });
      const { key, secret } = (await created.json()) as { key: { id: string }; secret: string };
      const parse = (headers: Record<string, string>) =>
        calendars.app.request("/v1/appointments/parse", {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ text: "cita mañana a las 10", timezone: "Europe/Madrid" }),
        });
      expect((await parse({ authorization: `Bearer ${secret}` })).status).toBe(200);
      expect((await parse({})).status).toBe(401);
      const parses = lines
        .map((line) => JSON.parse(line) as { route?: string; key?: string })
        .filter((record) => record.route === "/v1/appointments/parse");
      expect(parses.map((record) => record.key)).toEqual([key.id, undefined]);
      expect(lines.join("\n")).not.toContain(secret);
    } finally {
      await calendars.close();
    }
  });
});
