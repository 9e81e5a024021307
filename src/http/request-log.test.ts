// The request middleware (src/http/request-log.ts): a client's safe X-Request-Id is reused in the header,
// the answer and its errors; anything else is replaced by a generated id.
import { describe, expect, it } from "vitest";
import { expectError, UUID } from "../../test/support/answers.js";
import { expectParsed, loggedApp, pinned, post } from "../../test/support/parse-requests.js";

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
