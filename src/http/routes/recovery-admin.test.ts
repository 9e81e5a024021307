// POST /admin/recovery-check over the app in process, its providers on the project's simulator: the report
// for every configured provider or the ones named, checked against its documented schema; the body refused
// with the field named; 401 and 403 without the admin's credential; 503 with no provider; one check at a time; a
// passed check resolves a monitoring incident only when it covers the incident's providers.
import { describe, expect, it } from "vitest";
import { adminClient } from "../../../test/support/admin-client.js";
import { harness, monitoring, scriptedChecker } from "../../../test/support/incident-manager.js";
import { simulatedProviders, useSimulatorScope } from "../../../test/support/simulator.js";
import { type AppOptions, createApp } from "../../app.js";
import { readConfig } from "../../config.js";
import type { RecoveryReport } from "../../incidents/types.js";
import { RECOVERY_CHECK_PATH, RecoveryReportSchema } from "../schemas/recovery.js";

const TOKEN = "admin-token-for-recovery-tests-0123456789";
const simulator = useSimulatorScope({ seed: 7, resetAfterEach: true });

function appWith(environment: Record<string, string>, parts: Partial<AppOptions> = {}) {
  const app = createApp({ config: readConfig(environment), ...parts });
  return { app, call: adminClient(app, TOKEN) };
}

const configured = () => appWith({ ADMIN_TOKEN: TOKEN, ...simulatedProviders(simulator) });

describe("POST /admin/recovery-check", () => {
  it("checks every configured provider without a body, and answers the documented report", async () => {
    const { app } = configured();

    const response = await app.request(RECOVERY_CHECK_PATH, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
    });

    expect(response.status).toBe(200);
    const report = RecoveryReportSchema.parse(await response.json());
    expect(report.verdict).toBe("passed");
    expect(report.providers.map((entry) => [entry.provider, entry.answered])).toEqual([
      ["qwen", 8],
      ["anthropic", 8],
    ]);
  });

  it("reads an empty streamed body, as Node hands over curl -X POST, as no body", async () => {
    const { app } = configured();
    const empty = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });

    const response = await app.request(RECOVERY_CHECK_PATH, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: empty,
      duplex: "half",
    } as RequestInit);

    expect(response.status).toBe(200);
    expect(RecoveryReportSchema.parse(await response.json()).providers).toHaveLength(2);
  });

  it("checks the providers the body names", async () => {
    const { call } = configured();

    const answered = await call("POST", RECOVERY_CHECK_PATH, { providers: ["anthropic"] });

    expect(answered.status).toBe(200);
    const report = RecoveryReportSchema.parse(answered.body) as RecoveryReport;
    expect(report.providers.map((entry) => entry.provider)).toEqual(["anthropic"]);
    expect((await simulator.attempts()).every((attempt) => attempt.provider === "anthropic")).toBe(true);
  });

  it.each([
    [{ providers: ["gemini"] }, "providers.0"],
    [{ providers: ["mistral"] }, "providers: mistral is not a configured provider"],
    [{ providers: [] }, "providers: must name at least one provider"],
    [{ providers: "qwen" }, "providers"],
    [{ provider: ["qwen"] }, "provider"],
  ])("refuses %j with 400 naming %s, and calls no provider", async (body, field) => {
    const { call } = configured();

    const refused = await call("POST", RECOVERY_CHECK_PATH, body);

    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "invalid_request" });
    expect((refused.body.error as { message: string }).message).toContain(field);
    expect(await simulator.attempts()).toEqual([]);
  });

  it("refuses a body that is not JSON", async () => {
    const { app } = configured();
    const send = (body: string, type: string) =>
      app.request(RECOVERY_CHECK_PATH, {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": type },
        body,
      });

    expect((await send("{providers", "application/json")).status).toBe(400);
    expect((await send('{"providers":["qwen"]}', "text/plain")).status).toBe(415);
  });

  it("needs the admin token: 401 without or with a wrong one, 403 where none is configured", async () => {
    const { call } = configured();
    expect((await call("POST", RECOVERY_CHECK_PATH, {}, null)).status).toBe(401);
    expect((await call("POST", RECOVERY_CHECK_PATH, {}, "wrong-token")).status).toBe(401);
    const unguarded = appWith(simulatedProviders(simulator));
    expect((await unguarded.call("POST", RECOVERY_CHECK_PATH, {})).status).toBe(403);
    expect(await simulator.attempts()).toEqual([]);
  });

  it("answers 503 llm_unavailable with no provider configured", async () => {
    const { call } = appWith({ ADMIN_TOKEN: TOKEN });

    const refused = await call("POST", RECOVERY_CHECK_PATH, {});

    expect(refused.status).toBe(503);
    expect(refused.body.error).toMatchObject({ code: "llm_unavailable" });
  });

  it("runs one check at a time: another meanwhile is told to retry", async () => {
    await simulator.setFaults("qwen", undefined, [{ kind: "slowFirstByte", ms: 200 }]);
    const { app, call } = configured();

    const first = call("POST", RECOVERY_CHECK_PATH, { providers: ["qwen"] });
    const second = await app.request(RECOVERY_CHECK_PATH, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ providers: ["anthropic"] }),
    });

    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("5");
    expect((await first).status).toBe(200);
    expect((await call("POST", RECOVERY_CHECK_PATH, { providers: ["anthropic"] })).status).toBe(200);
  });

  it("a passed check of other providers leaves the incident monitoring; one of its provider resolves it", async () => {
    const test = harness({ recovery: scriptedChecker([]) });
    const since = await monitoring(test);
    const { call } = appWith(
      { ADMIN_TOKEN: TOKEN, ...simulatedProviders(simulator) },
      { incidents: test.manager, incidentStore: test.store },
    );

    const other = await call("POST", RECOVERY_CHECK_PATH, { providers: ["anthropic"] });
    expect(other.body.verdict).toBe("passed");
    await test.at(since + 1);
    expect(test.manager.status().state).toBe("monitoring");
    expect((await test.stored()).timeline.at(-1)?.detail).toBe(
      "recovery check passed; it did not check qwen of this incident: in the timeline only, it cannot resolve it",
    );

    await test.manager.settled();
    const own = await call("POST", RECOVERY_CHECK_PATH, { providers: ["qwen"] });
    expect(own.body.verdict).toBe("passed");
    await test.at(since + 2);
    expect((await test.stored()).state).toBe("resolved");
  });
});
