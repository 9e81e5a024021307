// The model registry through the app, against the provider simulator: users named by X-User-Id get the
// fine-tuned model by rollout and keep it request after request; the kill switch (PUT /admin/models)
// takes effect on the next request; GET /admin/variants compares the two.
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { ParseResponseSchema } from "../../src/http/schemas/parse.js";
import { bucketOf } from "../../src/registry/model-registry.js";
import { type AdminCall, adminClient } from "../support/admin-client.js";
import { useSimulatorScope } from "../support/simulator.js";

const TOKEN = "registry-admin-token-0123456789abcdef";
const FINETUNED = "qwen-ft-parsing";
const simulator = useSimulatorScope({ seed: 51 });
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  app = createApp({
    config: readConfig({
      ADMIN_TOKEN: TOKEN,
      QWEN_API_KEY: "sk-test",
      QWEN_BASE_URL: simulator.baseUrls.qwen,
      LLM_CACHE_MAX_ENTRIES: "0",
      MODEL_REGISTRY: JSON.stringify({
        parsing: { finetuned: { provider: "qwen", model: FINETUNED, maxTokens: 300 }, rolloutPercent: 30 },
      }),
    }),
  });
});

async function parseAs(user: string): Promise<{ model: string | null; maxTokens: number | null }> {
  const before = (await simulator.attempts()).length;
  const response = await app.request("/v1/appointments/parse", {
    method: "POST",
    headers: { "content-type": "application/json", "x-user-id": user },
    body: JSON.stringify({ text: "Book a haircut tomorrow at 4pm", timezone: "Europe/London" }),
  });
  expect(response.status).toBe(200);
  const meta = ParseResponseSchema.parse(await response.json()).meta;
  const attempt = (await simulator.attempts()).slice(before)[0];
  expect(attempt?.model).toBe(meta.model);
  return { model: meta.model, maxTokens: attempt?.maxTokens ?? null };
}

const admin = (...args: Parameters<AdminCall>) => adminClient(app, TOKEN)(...args);

const USERS = Array.from({ length: 40 }, (_, index) => `customer-${index}`);
const expected = (user: string) => (bucketOf(`parsing:${user}`) < 30 ? FINETUNED : "qwen-plus");

describe("model registry", () => {
  it("sends each user to their variant, every time", async () => {
    expect(USERS.some((user) => expected(user) === FINETUNED)).toBe(true);
    expect(USERS.some((user) => expected(user) === "qwen-plus")).toBe(true);
    for (let round = 0; round < 2; round++) {
      for (const user of USERS) {
        const { model, maxTokens } = await parseAs(user);
        expect(model, user).toBe(expected(user));
        expect(maxTokens).toBe(model === FINETUNED ? 300 : 400);
      }
    }
  });

  it("shows the fine-tuned model in /health, outside the weighted choice", async () => {
    const health = (await (await app.request("/health")).json()) as {
      router: { providers: { provider: string; model: string; weight: number }[] };
    };
    expect(health.router.providers.map((entry) => [entry.provider, entry.model, entry.weight])).toEqual([
      ["qwen", "qwen-plus", 1],
      ["qwen", FINETUNED, 0],
    ]);
  });

  it("compares the variants", async () => {
    const { status, body } = await admin("GET", "/admin/variants");
    expect(status).toBe(200);
    const parsing = (
      body.agents as Record<string, { variants: Record<string, { requests: number; errorRate: number }> }>
    ).parsing!;
    const finetunedUsers = USERS.filter((user) => expected(user) === FINETUNED).length;
    expect(parsing.variants.finetuned!.requests).toBe(2 * finetunedUsers);
    expect(parsing.variants.baseline!.requests).toBe(2 * (USERS.length - finetunedUsers));
    expect(parsing.variants.finetuned!.errorRate).toBe(0);
  });

  it("applies the kill switch on the next request, and lifts it", async () => {
    const user = USERS.find((entry) => expected(entry) === FINETUNED)!;
    const off = await admin("PUT", "/admin/models/parsing", { useFinetuned: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ useFinetuned: false, rolloutPercent: 30 });
    expect((await parseAs(user)).model).toBe("qwen-plus");
    await admin("PUT", "/admin/models/parsing", { useFinetuned: true });
    expect((await parseAs(user)).model).toBe(FINETUNED);
  });

  it("guards the admin routes and refuses bad changes without applying them", async () => {
    expect((await admin("GET", "/admin/models", undefined, null)).status).toBe(401);
    expect((await admin("GET", "/admin/models", undefined, "wrong")).status).toBe(401);
    for (const [path, body, status] of [
      ["/admin/models/parsing", { rolloutPercent: 101 }, 400],
      ["/admin/models/parsing", { rolloutPercent: 10, extra: 1 }, 400],
      ["/admin/models/parsing", { finetuned: { provider: "anthropic", model: "x" } }, 404],
      ["/admin/models/temporal", { rolloutPercent: 10 }, 404],
    ] as const) {
      const answer = await admin("PUT", path, body);
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(status);
    }
    const { body } = await admin("GET", "/admin/models");
    expect(body.parsing).toMatchObject({
      rolloutPercent: 30,
      useFinetuned: true,
      finetuned: { model: FINETUNED },
    });
  });
});
