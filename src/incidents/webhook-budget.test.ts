// The webhook's delivery budget (webhook.ts, `budgetMs`): a message still in flight past its budget is
// abandoned, as when Workers cut a request's background work off and the drain's promise never settles; the
// next change is then posted, and settled() waits no longer than what is left of the budget. Retries stop
// where the budget would run out, and one attempt's timeout is cut to it. The clock is injected and moved by
// the injected waits: settled()'s wait for the budget to run out is held until the test lets that time pass,
// so no test waits for a real budget.
import { afterEach, describe, expect, it } from "vitest";
import { ANNOUNCED_AT, incidentRecord } from "../../test/support/incident-scenario-records.js";
import {
  type Reply,
  startWebhookReceiver,
  type WebhookReceiver,
} from "../../test/support/webhook-receiver.js";
import { jsonLogger } from "../http/logger.js";
import type { IncidentChange } from "./types.js";
import { type WebhookDelivery, WebhookNotifier, WORKERS_WEBHOOK_DELIVERY } from "./webhook.js";

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(reply: (index: number) => Reply): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver((_call, index) => reply(index));
  receivers.push(started);
  return started;
}

/** A fetch whose timers never fire, as in a Workers request whose background work was cut off. */
const cutOffFetch: typeof fetch = (input, init) => fetch(input, { ...init, signal: null });

function notifier(url: string, delivery: Partial<WebhookDelivery>, cutOff = false) {
  const time = { now: ANNOUNCED_AT };
  const lines: string[] = [];
  const budgetWaits: number[] = [];
  const held: (() => void)[] = [];
  const sleeps: number[] = [];
  const webhook = new WebhookNotifier({
    url,
    language: "en",
    delivery,
    logger: jsonLogger("debug", (line) => lines.push(line)),
    clock: () => time.now,
    random: () => 0.5,
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
      time.now += milliseconds;
    },
    budgetWait: (milliseconds) =>
      new Promise<void>((resolve) => {
        budgetWaits.push(milliseconds);
        held.push(() => {
          time.now += milliseconds;
          resolve();
        });
      }),
    ...(cutOff ? { fetch: cutOffFetch } : {}),
  });
  const events = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  /** Lets the time settled() waits for pass (the latest wait's). */
  const letBudgetPass = () => held.splice(0).at(-1)?.();
  return { webhook, time, lines, budgetWaits, letBudgetPass, sleeps, events };
}

const change = (kind: IncidentChange["kind"], id: string): IncidentChange => ({
  kind,
  incident: incidentRecord({ id }),
});
const STUCK = "inc_aaaaaaaaaaaaaaaa";
const NEXT = "inc_bbbbbbbbbbbbbbbb";
const firstLine = (call: { body: unknown }) => (call.body as { text: string }).text.split("\n")[0];

describe("the webhook's delivery budget", () => {
  it("abandons a message stuck past its budget: settled() waits out the budget, then the next change is posted", async () => {
    const receiving = await receiver((index) => (index === 0 ? "hang" : { status: 200 }));
    const { webhook, time, budgetWaits, letBudgetPass, events, lines } = notifier(
      receiving.url,
      { budgetMs: 25_000, attemptTimeoutMs: 8_000 },
      true,
    );
    webhook.notify(change("opened", STUCK));
    await receiving.received(1);
    const startedAt = time.now;
    // Just under the budget the stuck message is still waited on: the next one queues behind it.
    time.now += 24_999;
    webhook.notify(change("severity", NEXT));
    expect(events()).toEqual([]);
    const settling = webhook.settled();
    // settled() waits what is left of the budget, and no longer.
    expect(budgetWaits).toEqual([1]);
    letBudgetPass();
    await settling;
    expect(time.now - startedAt).toBe(25_000);
    expect(receiving.calls.map(firstLine)).toEqual(["New incident, P4.", "Severity is now P4."]);
    expect(events()).toEqual([
      expect.objectContaining({
        level: "error",
        event: "incident_webhook_abandoned",
        incident: STUCK,
        change: "opened",
        budgetMs: 25_000,
      }),
    ]);
    for (const line of lines) expect(line).not.toMatch(/127\.0\.0\.1|http|s3cr3t/);
  });

  it("starts a new drain at the budget when the next change comes, without anyone calling settled()", async () => {
    const receiving = await receiver((index) => (index === 0 ? "hang" : { status: 200 }));
    const { webhook, time, events } = notifier(receiving.url, { budgetMs: 25_000 }, true);
    webhook.notify(change("opened", STUCK));
    await receiving.received(1);
    time.now += 25_000;
    webhook.notify(change("resolved", NEXT));
    expect(events()).toEqual([
      expect.objectContaining({ event: "incident_webhook_abandoned", incident: STUCK }),
    ]);
    await receiving.received(2);
    expect(firstLine(receiving.calls[1]!)).toBe("Resolved.");
  });

  it("ends the abandoned attempt and sends none of its retries", async () => {
    const receiving = await receiver((index) => (index === 0 ? "hang" : { status: 200 }));
    const { webhook, time, events } = notifier(receiving.url, { budgetMs: 25_000, attempts: 3 });
    webhook.notify(change("opened", STUCK));
    await receiving.received(1);
    time.now += 25_000;
    webhook.notify(change("resolved", NEXT));
    await webhook.settled();
    // The abandoned drain wakes when its attempt is aborted, and leaves the queue to the new one.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(receiving.calls.map(firstLine)).toEqual(["New incident, P4.", "Resolved."]);
    expect(events().map((event) => event.event)).toEqual(["incident_webhook_abandoned"]);
  });

  it("retries only when the wait and a whole attempt fit in the budget: at the budget retried, a ms past given up", async () => {
    // Waits of 750 ms and 1,500 ms (a draw of 0.5), then an attempt of 10 s: the third ends 12,250 ms in.
    for (const [budgetMs, calls] of [
      [12_250, 3],
      [12_249, 2],
    ] as const) {
      const receiving = await receiver((index) => (index < 2 ? { status: 503 } : { status: 200 }));
      const delivery = { budgetMs, attempts: 5, baseDelayMs: 1000, attemptTimeoutMs: 10_000 };
      const { webhook, sleeps, events } = notifier(receiving.url, delivery);
      webhook.notify(change("opened", STUCK));
      await webhook.settled();
      expect(receiving.calls, String(budgetMs)).toHaveLength(calls);
      expect(sleeps).toEqual([750, 1500].slice(0, calls - 1));
      if (calls === 2)
        expect(events().at(-1)).toMatchObject({ event: "incident_webhook_gave_up", attempt: 2 });
    }
  });

  it("cuts an attempt's timeout to what is left of the budget", async () => {
    const receiving = await receiver(() => "hang");
    const { webhook, events } = notifier(receiving.url, {
      budgetMs: 50,
      attemptTimeoutMs: 600_000,
      attempts: 1,
    });
    webhook.notify(change("opened", STUCK));
    await webhook.settled();
    expect(events()).toEqual([
      expect.objectContaining({ event: "incident_webhook_gave_up", reason: "timeout" }),
    ]);
  });

  it("keeps Workers' delivery, its worst case included, within 25 s, under their ~30 s for background work", () => {
    const delivery = WORKERS_WEBHOOK_DELIVERY as WebhookDelivery;
    const worstCase =
      delivery.attempts * delivery.attemptTimeoutMs + (delivery.attempts - 1) * delivery.maxDelayMs;
    expect(worstCase).toBeLessThanOrEqual(delivery.budgetMs);
    expect(delivery.budgetMs).toBeLessThanOrEqual(25_000);
  });
});
