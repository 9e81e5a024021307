// The webhook as the app builds it (app-parts.ts): with INCIDENT_WEBHOOK_URL the manager's opening reaches a
// receiver on 127.0.0.1 in INCIDENT_LANGUAGE; without it there is no notifier; and a receiver that refuses
// costs the manager's tick nothing (retries and hangs: webhook.test.ts); the delivery the caller gives (Workers'
// budget) is the notifier's.
import { afterEach, describe, expect, it } from "vitest";
import { T0 } from "../../test/support/incident-manager.js";
import { ScriptedRouterState } from "../../test/support/incident-router.js";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/support/webhook-receiver.js";
import { silentLogger } from "../http/logger.js";
import { ModelRegistry } from "../registry/model-registry.js";
import { incidentParts } from "./app-parts.js";
import { DEFAULT_INCIDENT_SETTINGS, type IncidentSettings } from "./settings.js";
import { type WebhookDelivery, WebhookNotifier } from "./webhook.js";

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

function parts(settings: IncidentSettings, now: () => number, webhookDelivery?: Partial<WebhookDelivery>) {
  const router = new ScriptedRouterState([{ provider: "qwen", model: "qwen-plus" }]);
  const built = incidentParts({
    settings,
    store: undefined,
    incidentStore: undefined,
    manager: undefined,
    router,
    registry: new ModelRegistry({}, { defaults: { maxTokens: 400, temperature: 0 } }),
    logger: silentLogger,
    clock: now,
    ...(webhookDelivery ? { webhookDelivery } : {}),
  });
  if (built === null || built.manager === null) throw new Error("no incident manager");
  return { ...built, manager: built.manager, router };
}

describe("the app's incident webhook", () => {
  it("posts the opening to INCIDENT_WEBHOOK_URL in INCIDENT_LANGUAGE", async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    let now = T0;
    const settings = { ...DEFAULT_INCIDENT_SETTINGS, webhookUrl: receiver.url, language: "es" as const };
    const { manager, notifier, router } = parts(settings, () => now);
    router.current = "down";
    await manager.tick();
    now += settings.openAfterMs;
    await manager.tick();
    expect(manager.status().open).toBe(true);
    // Each change was posted once: a refusal is final.
    await notifier?.settled();
    const kinds = receiver.calls.map((call) => (call.body as { text: string }).text.split("\n")[0]);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect((receiver.calls[0]!.body as { text: string }).text).toMatch(
      /^Nueva incidencia, P\d\.\n\n\*\[P\d\] Incidencia LLM/,
    );
  });

  it("builds no notifier without INCIDENT_WEBHOOK_URL", () => {
    expect(parts(DEFAULT_INCIDENT_SETTINGS, () => T0).notifier).toBeNull();
  });

  it("lets the manager tick on while the receiver fails", async () => {
    const receiver = await startWebhookReceiver(() => ({ status: 410, body: "channel_is_archived" }));
    receivers.push(receiver);
    let now = T0;
    const settings = { ...DEFAULT_INCIDENT_SETTINGS, webhookUrl: receiver.url };
    const { manager, notifier, router } = parts(settings, () => now);
    router.current = "down";
    await manager.tick();
    now += settings.openAfterMs;
    await manager.tick();
    await receiver.received(1);
    now += 1000;
    await manager.tick();
    expect(manager.status().open).toBe(true);
    // Each change was posted once: a refusal is final.
    await notifier?.settled();
    const kinds = receiver.calls.map((call) => (call.body as { text: string }).text.split("\n")[0]);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it("delivers as the caller asks: a hanging receiver is given up at the budget passed", async () => {
    const receiver = await startWebhookReceiver(() => "hang");
    receivers.push(receiver);
    let now = T0;
    const settings = { ...DEFAULT_INCIDENT_SETTINGS, webhookUrl: receiver.url };
    const delivery = { attempts: 1, attemptTimeoutMs: 600_000, budgetMs: 50 };
    const { manager, notifier, router } = parts(settings, () => now, delivery);
    router.current = "down";
    await manager.tick();
    now += settings.openAfterMs;
    await manager.tick();
    // The clock stands still: only the budget's 50 ms, not the attempt's 10 minutes (nor the default
    // delivery's 5 attempts of 10 s), can end the wait within the test's time.
    expect(notifier).toBeInstanceOf(WebhookNotifier);
    await notifier?.settled();
  });
});
