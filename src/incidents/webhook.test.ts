// The incident webhook against a real receiver on 127.0.0.1 (test/support/webhook-receiver.ts): the body
// Slack reads, in both languages; retries with backoff, Retry-After, giving up, a 4xx taken as final; a
// hanging receiver that delays nobody; the bounded queue; the order of the messages; and the URL (the
// webhook's secret) and the receiver's answers never in a log line. Waits go through an injected sleep that
// records them and returns at once, so no test waits for real backoff.
import { afterEach, describe, expect, it } from "vitest";
import {
  ANNOUNCED_AT,
  incidentRecord,
  SCENARIO_RECORDS,
} from "../../test/support/incident-scenario-records.js";
import {
  type Reply,
  SECRET_PATH,
  startWebhookReceiver,
  type WebhookReceiver,
} from "../../test/support/webhook-receiver.js";
import { jsonLogger } from "../http/logger.js";
import { DEFAULT_INCIDENT_SETTINGS } from "./settings.js";
import type { IncidentChange } from "./types.js";
import { type WebhookDelivery, WebhookNotifier, webhookNotifier } from "./webhook.js";

const receivers: WebhookReceiver[] = [];
/** Every log line any notifier of this file wrote: none may hold a URL or a receiver's answer. */
const allLines: string[] = [];

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(reply?: (index: number) => Reply | Promise<Reply>): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver(reply && ((_call, index) => reply(index)));
  receivers.push(started);
  return started;
}

function notifier(
  url: string,
  options: { delivery?: Partial<WebhookDelivery>; language?: "es" | "en" } = {},
) {
  const waits: number[] = [];
  const lines: string[] = [];
  const logger = jsonLogger("debug", (line) => {
    lines.push(line);
    allLines.push(line);
  });
  const webhook = new WebhookNotifier({
    url,
    language: options.language ?? "en",
    delivery: options.delivery ?? {},
    logger,
    clock: () => ANNOUNCED_AT,
    random: () => 0.5,
    sleep: async (milliseconds) => {
      waits.push(milliseconds);
    },
  });
  const events = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { webhook, waits, events };
}

const change = (kind: IncidentChange["kind"], id = "inc_0123456789abcdef"): IncidentChange => ({
  kind,
  incident: incidentRecord({ id }),
});

describe("WebhookNotifier", () => {
  it("posts a Slack-compatible body: what changed, then the announcement in mrkdwn, in the language asked", async () => {
    const receiving = await receiver();
    for (const language of ["en", "es"] as const) {
      const { webhook } = notifier(receiving.url, { language });
      webhook.notify({ kind: "opened", incident: SCENARIO_RECORDS["all-down"]! });
      await webhook.settled();
    }
    expect(receiving.calls).toHaveLength(2);
    const [english, spanish] = receiving.calls;
    expect(english!.path).toBe(SECRET_PATH);
    expect(english!.headers["content-type"]).toBe("application/json");
    expect(Object.keys(english!.body as object)).toEqual(["text"]);
    const text = (english!.body as { text: string }).text;
    expect(
      text.startsWith(
        "New incident, P1.\n\n*[P1] LLM incident inc\u200b_\u200b0123456789abcdef: mitigated*\n\n",
      ),
    ).toBe(true);
    expect(text).toContain("• *Severity:* P1, 100% down\n    ◦ LLM path: P1, 800 of 800 requests");
    expect(text).toContain("*The LLM path is completely down, but Cita answered every request");
    expect(text).not.toMatch(/\*\*|^#|^- /m);
    const texto = (spanish!.body as { text: string }).text;
    expect(texto.startsWith("Nueva incidencia, P1.\n\n*[P1] Incidencia LLM")).toBe(true);
    expect(texto).toContain("• *Severidad:* P1, caída total (100 %)");
  });

  it("says what changed: a new severity, a new state, the resolution, or nothing (the 30-minute update)", async () => {
    const receiving = await receiver();
    const { webhook } = notifier(receiving.url, { language: "es" });
    webhook.notify({ kind: "severity", incident: incidentRecord({ severity: "P2" }) });
    webhook.notify({ kind: "state", incident: incidentRecord({ state: "monitoring" }) });
    webhook.notify({ kind: "resolved", incident: SCENARIO_RECORDS.resolved! });
    await webhook.settled();
    const first = receiving.calls.map((call) => (call.body as { text: string }).text.split("\n")[0]);
    expect(first).toEqual([
      "La severidad pasa a P2.",
      "La incidencia pasa a estar en observación.",
      "Resuelta.",
    ]);
  });

  it("makes a model name inert in mrkdwn: no link, no entity, no bold, no new line", async () => {
    const receiving = await receiver();
    const { webhook } = notifier(receiving.url);
    const model = "*big*<http://e.test|click>&amp;\nnext";
    webhook.notify({
      kind: "opened",
      incident: incidentRecord({ providers: [{ provider: "openai", model }] }),
    });
    await webhook.settled();
    const text = (receiving.calls[0]!.body as { text: string }).text;
    expect(text).toContain("openai (\u200b*\u200bbig\u200b*\u200b&lt;http://e.test|click&gt;&amp;amp; next)");
    expect(text).not.toContain("<http");
  });

  it("retries a 5xx with exponential backoff and jitter, then stops at the success", async () => {
    const receiving = await receiver((index) =>
      index < 3 ? { status: [500, 503, 502][index]! } : { status: 200 },
    );
    const { webhook, waits, events } = notifier(receiving.url, { delivery: { baseDelayMs: 1000 } });
    webhook.notify(change("opened"));
    await webhook.settled();
    expect(receiving.calls).toHaveLength(4);
    // Equal jitter with a draw of 0.5: three quarters of 1 s, 2 s, 4 s.
    expect(waits).toEqual([750, 1500, 3000]);
    expect(events().map((event) => [event.event, event.status, event.attempt])).toEqual([
      ["incident_webhook_retry", 500, 1],
      ["incident_webhook_retry", 503, 2],
      ["incident_webhook_retry", 502, 3],
    ]);
  });

  it("caps the backoff at maxDelayMs", async () => {
    const receiving = await receiver((index) => (index < 4 ? { status: 503 } : { status: 200 }));
    const { webhook, waits } = notifier(receiving.url, { delivery: { baseDelayMs: 1000, maxDelayMs: 2000 } });
    webhook.notify(change("opened"));
    await webhook.settled();
    expect(waits).toEqual([750, 1500, 1500, 1500]);
  });

  it("waits what Retry-After says after a 429 or a 503, in seconds or as a date", async () => {
    const inTwelveSeconds = new Date(ANNOUNCED_AT + 12_000).toUTCString();
    const replies: Reply[] = [
      { status: 429, headers: { "Retry-After": "7" } },
      { status: 503, headers: { "Retry-After": inTwelveSeconds } },
      { status: 204 },
    ];
    const receiving = await receiver((index) => replies[index]!);
    const { webhook, waits } = notifier(receiving.url);
    webhook.notify(change("opened"));
    await webhook.settled();
    expect(receiving.calls).toHaveLength(3);
    expect(waits).toEqual([7000, 12_000]);
  });

  it("gives a message up when Retry-After asks for longer than maxDelayMs, and goes on with the next", async () => {
    const receiving = await receiver((index) =>
      index === 0 ? { status: 429, headers: { "Retry-After": "61" } } : { status: 200 },
    );
    const { webhook, waits, events } = notifier(receiving.url, { delivery: { maxDelayMs: 60_000 } });
    webhook.notify(change("opened", "inc_aaaaaaaaaaaaaaaa"));
    webhook.notify(change("resolved", "inc_bbbbbbbbbbbbbbbb"));
    await webhook.settled();
    expect(receiving.calls).toHaveLength(2);
    expect(waits).toEqual([]);
    expect(events()).toEqual([
      expect.objectContaining({
        event: "incident_webhook_gave_up",
        incident: "inc_aaaaaaaaaaaaaaaa",
        status: 429,
        retryAfterMs: 61_000,
      }),
    ]);
  });

  it("gives up after `attempts`, then sends the next message", async () => {
    const receiving = await receiver((index) =>
      index < 3 ? { status: 500, body: "upstream said no" } : { status: 200 },
    );
    const { webhook, waits, events } = notifier(receiving.url, { delivery: { attempts: 3 } });
    webhook.notify(change("opened", "inc_aaaaaaaaaaaaaaaa"));
    webhook.notify(change("severity", "inc_aaaaaaaaaaaaaaaa"));
    await webhook.settled();
    expect(receiving.calls).toHaveLength(4);
    expect(waits).toHaveLength(2);
    expect(events().at(-1)).toMatchObject({
      event: "incident_webhook_gave_up",
      attempt: 3,
      status: 500,
      change: "opened",
    });
    expect((receiving.calls[3]!.body as { text: string }).text.startsWith("Severity is now P4.")).toBe(true);
  });

  it("takes a 4xx other than 408 and 429 as final: no retry", async () => {
    for (const status of [400, 403, 404, 410]) {
      const receiving = await receiver(() => ({ status, body: "no_service" }));
      const { webhook, waits, events } = notifier(receiving.url);
      webhook.notify(change("opened"));
      await webhook.settled();
      expect(receiving.calls, String(status)).toHaveLength(1);
      expect(waits).toEqual([]);
      expect(events()).toEqual([expect.objectContaining({ event: "incident_webhook_refused", status })]);
    }
    const timedOut = await receiver((index) => (index === 0 ? { status: 408 } : { status: 200 }));
    const { webhook } = notifier(timedOut.url);
    webhook.notify(change("opened"));
    await webhook.settled();
    expect(timedOut.calls).toHaveLength(2);
  });

  it("never delays the caller: notify returns at once while the receiver hangs, and each attempt times out", async () => {
    const receiving = await receiver(() => "hang");
    // Long enough for each attempt to reach the receiver on a loaded machine before it times out.
    const { webhook, events } = notifier(receiving.url, {
      delivery: { attempts: 2, attemptTimeoutMs: 1_000 },
    });
    const returned = webhook.notify(change("opened"));
    expect(returned).toBeUndefined();
    // Nothing was even sent yet: the work starts after the caller's turn.
    expect(receiving.calls).toHaveLength(0);
    await webhook.settled();
    expect(receiving.calls).toHaveLength(2);
    expect(events().map((event) => [event.event, event.reason])).toEqual([
      ["incident_webhook_retry", "timeout"],
      ["incident_webhook_gave_up", "timeout"],
    ]);
  });

  it("retries a refused connection, and gives up without a word of the address", async () => {
    const closed = await receiver();
    const url = closed.url;
    await closed.close();
    receivers.splice(receivers.indexOf(closed), 1);
    const { webhook, waits, events } = notifier(url, { delivery: { attempts: 3 } });
    webhook.notify(change("opened"));
    await webhook.settled();
    expect(waits).toHaveLength(2);
    expect(events().at(-1)).toMatchObject({
      event: "incident_webhook_gave_up",
      reason: "connection",
      status: null,
    });
  });

  it("sends in order, and drops the oldest waiting message when the queue is full", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<Reply>((resolve) => {
      release = () => resolve({ status: 200 });
    });
    const receiving = await receiver((index) => (index === 0 ? held : { status: 200 }));
    const { webhook, events } = notifier(receiving.url, { delivery: { queueLimit: 2 } });
    const ids = [
      "inc_0000000000000001",
      "inc_0000000000000002",
      "inc_0000000000000003",
      "inc_0000000000000004",
      "inc_0000000000000005",
    ];
    webhook.notify(change("opened", ids[0]));
    await receiving.received(1);
    for (const id of ids.slice(1)) webhook.notify(change("opened", id));
    expect(events()).toEqual([
      expect.objectContaining({ event: "incident_webhook_dropped", incident: ids[1] }),
      expect.objectContaining({ event: "incident_webhook_dropped", incident: ids[2] }),
    ]);
    release();
    await webhook.settled();
    const sent = receiving.calls.map(
      (call) => /inc\u200b_\u200b(\d+)/.exec((call.body as { text: string }).text)?.[1],
    );
    expect(sent).toEqual(["0000000000000001", "0000000000000004", "0000000000000005"]);
  });

  it("never throws at the caller: a change it cannot write is logged and dropped, the next one sent", async () => {
    const receiving = await receiver();
    const { webhook, events } = notifier(receiving.url);
    const unknown = { kind: "reopened", incident: incidentRecord() } as unknown as IncidentChange;
    expect(() => webhook.notify(unknown)).not.toThrow();
    webhook.notify(change("opened"));
    await webhook.settled();
    expect(receiving.calls).toHaveLength(1);
    expect(events()).toEqual([
      expect.objectContaining({
        event: "incident_webhook_failed",
        reason: "render",
        incident: "inc_0123456789abcdef",
      }),
    ]);
  });

  it("is built from the settings only when INCIDENT_WEBHOOK_URL is set", () => {
    expect(webhookNotifier(DEFAULT_INCIDENT_SETTINGS)).toBeNull();
    const built = webhookNotifier({
      ...DEFAULT_INCIDENT_SETTINGS,
      webhookUrl: "https://hooks.example.test/x",
      language: "es",
    });
    expect(built).toBeInstanceOf(WebhookNotifier);
  });

  it("logged neither a URL, nor the secret path, nor anything a receiver answered, in any test above", () => {
    expect(allLines.length).toBeGreaterThan(10);
    for (const line of allLines) {
      expect(line).not.toContain("127.0.0.1");
      expect(line).not.toContain("s3cr3t");
      expect(line).not.toContain("http");
      expect(line).not.toContain("upstream said no");
      expect(line).not.toContain("no_service");
    }
  });
});
