// GET /admin/series in process, with providers on the simulator: admin only (401 without a token or with a
// wrong one), and an answer in the documented shape (TimelineSchema) whose counts are the requests sent.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { TimelineSchema } from "../../src/http/schemas/series.js";
import { adminClient } from "../support/admin-client.js";
import { simulatedProviders, useSimulatorScope } from "../support/simulator.js";

const TOKEN = "admin-token-for-tests-0123456789abcdef";
const simulator = useSimulatorScope({ seed: 18, resetAfterEach: true });

/** No cache, and no hedge: a call goes to qwen alone, so anthropic is configured but never called. */
const QWEN_ALONE = { LLM_WEIGHTS: "qwen=100,anthropic=0", LLM_CACHE_MAX_ENTRIES: "0", LLM_HEDGE_BUDGET: "0" };

const appWithProviders = () =>
  createApp({ config: readConfig({ ADMIN_TOKEN: TOKEN, ...simulatedProviders(simulator), ...QWEN_ALONE }) });

const sum = (column: readonly (number | null)[]) =>
  column.reduce<number>((total, value) => total + (value ?? 0), 0);

describe("GET /admin/series", () => {
  it("answers 401 without the admin token or with a wrong one", async () => {
    const admin = adminClient(appWithProviders(), TOKEN);
    for (const token of [null, "wrong-token-wrong-token-wrong-token-00"]) {
      const { status, body } = await admin("GET", "/admin/series", undefined, token);
      expect(status).toBe(401);
      expect((body.error as { code: string }).code).toBe("unauthorized");
    }
  });

  it("answers the instance's last hour in the documented shape, counting the parses and provider calls made", async () => {
    const app = appWithProviders();
    const admin = adminClient(app, TOKEN);
    for (const hour of [9, 10, 11]) {
      const response = await app.request("/v1/appointments/parse", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          text: `Book a haircut tomorrow at ${hour}am`,
          timezone: "America/New_York",
          now: "2026-06-07T11:00:00-04:00",
          mode: "llm",
        }),
      });
      expect(response.status).toBe(200);
    }
    const { status, body } = await admin("GET", "/admin/series");
    expect(status).toBe(200);
    const answer = TimelineSchema.parse(body);
    expect(answer.scope).toBe("instance");
    expect(answer.minutes).toHaveLength(60);
    expect(sum(answer.requests)).toBe(3);
    const qwen = answer.providers.find((target) => target.provider === "qwen");
    expect(qwen).toBeDefined();
    expect(sum(qwen!.calls)).toBe(3);
    expect(sum(qwen!.errorRate)).toBe(0);
    expect(qwen!.p50Ms.some((value) => value !== null)).toBe(true);
    // A provider configured but never called has no column.
    expect(answer.providers.map((target) => target.provider)).not.toContain("anthropic");
  });
});
