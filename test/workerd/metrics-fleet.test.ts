// /metrics on Workers as one service: two Worker instances (test/support/workerd-fleet-metrics.ts, each its
// own workerd) take parse requests and flush their counts to the one metrics Durable Object, so a scrape of
// either sees the sum of both, every counter and histogram series only goes up over successive scrapes
// whichever instance answers, and the output still passes promtool. The metrics token rules still hold.
// When the object cannot be reached (its host stopped), /metrics answers from the instance's own counts and
// says so, and parse keeps answering 200.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FALLBACK_COMMENT } from "../../src/metrics/durable-object-client.js";
import { exposition, familyOf, sampleValues as samples } from "../support/exposition.js";
import { PARSE, pinned } from "../support/parse-requests.js";
import { runPromtool } from "../support/promtool.js";
import { useSimulatorScope } from "../support/simulator.js";
import { type MetricsFleet, startMetricsFleet } from "../support/workerd-fleet-metrics.js";
import { METRICS_TOKEN } from "../support/workers.js";

const PARSES = 'parsing_requests_total{mode="rules",status="complete"}';
const PARSE_DURATIONS = 'http_request_duration_seconds_count{route="/v1/appointments/parse",status="200"}';
// Read by rules (the counts are the rules'), though the Workers have a provider: an LLM router is what runs
// an incident manager, whose gauges the fleet's /metrics must show from the object.
const REQUEST = pinned("book a haircut tomorrow at 4pm", { mode: "rules" });
/** How long the sum may take to arrive: a flush waits at most a second; generous for a loaded machine. */
const ARRIVAL_MS = 30_000;

let fleet: MetricsFleet;
const simulator = useSimulatorScope({ seed: 47 });

beforeAll(async () => {
  fleet = await startMetricsFleet({
    LOG_LEVEL: "error",
    ALLOW_ANONYMOUS: "true",
    METRICS_TOKEN,
    QWEN_API_KEY: "sk-metrics-fleet",
    QWEN_BASE_URL: simulator.baseUrls.qwen,
  });
}, 110_000);

afterAll(async () => {
  await fleet?.stop();
});

async function scrape(url: string): Promise<string> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
}

/** The counter and histogram series that went down from one scrape to the next. */
function wentDown(before: string, after: string): string[] {
  const families = exposition(after);
  const next = samples(after);
  return [...samples(before)]
    .filter(([series]) => familyOf(series.replace(/\{.*$/, ""), families)?.kind !== "gauge")
    .filter(([series, value]) => !((next.get(series) ?? Number.NEGATIVE_INFINITY) >= value))
    .map(([series, value]) => `${series}: ${value} then ${next.get(series)}`);
}

async function parse(url: string): Promise<void> {
  const response = await fetch(`${url}${PARSE}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(REQUEST),
  });
  expect(response.status).toBe(200);
  await response.arrayBuffer();
}

describe("/metrics over two Worker instances", () => {
  it(
    "shows the sum of both on either, every counter only going up over successive scrapes",
    async (context) => {
      const { host, guest } = fleet;
      const scrapes = [await scrape(host.url), await scrape(guest.url)];
      const before = samples(scrapes[1]!);
      const [parses, durations] = [before.get(PARSES) ?? 0, before.get(PARSE_DURATIONS) ?? 0];
      for (let index = 0; index < 5; index++) await parse(host.url);
      for (let index = 0; index < 7; index++) await parse(guest.url);
      // Only the host is scraped until it shows all twelve: the guest's seven arrive by its own background
      // flush (a scrape flushes only the instance that answers it).
      const deadline = Date.now() + ARRIVAL_MS;
      while (samples(scrapes.at(-1)!).get(PARSES) !== parses + 12 && Date.now() < deadline) {
        await sleep(200);
        scrapes.push(await scrape(host.url));
      }
      // Then either, in turn.
      for (let index = 0; index < 4; index++)
        scrapes.push(await scrape(index % 2 === 0 ? guest.url : host.url));
      const [last, beforeLast] = [scrapes.at(-1)!, scrapes.at(-2)!];
      for (const text of [last, beforeLast]) {
        const values = samples(text);
        expect(values.get(PARSES)).toBe(parses + 12);
        expect(values.get(PARSE_DURATIONS)).toBe(durations + 12);
        expect(values.get("cita_metrics_aggregated")).toBe(1);
        // The answering isolate's own gauges, once.
        expect(values.get("router_degraded")).toBe(0);
        // The fleet's incident gauges, from the object: both instances' managers have none open.
        expect(values.get("cita_incident_open")).toBe(0);
        expect(values.get("cita_incident_severity")).toBe(0);
      }
      for (let index = 1; index < scrapes.length; index++) {
        expect(wentDown(scrapes[index - 1]!, scrapes[index]!), `scrape ${index}`).toEqual([]);
      }
      const check = runPromtool(context, ["check", "metrics"], { input: last });
      expect(check.output.trim()).toBe("");
    },
    ARRIVAL_MS + 30_000,
  );

  it("serves the sum only to the bearer of METRICS_TOKEN, on either instance", async () => {
    for (const url of [fleet.host.url, fleet.guest.url]) {
      const refused: Record<string, string>[] = [
        {},
        { authorization: "Bearer guess" },
        { authorization: `Basic ${METRICS_TOKEN}` },
      ];
      for (const headers of refused) {
        const response = await fetch(`${url}/metrics`, { headers });
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toBe('Bearer realm="cita-metrics"');
        await response.arrayBuffer();
      }
    }
  });

  // Last: it stops the instance that hosts the object.
  it("answers from the instance's own counts, and says so, when the object cannot be reached; parse still answers", async (context) => {
    const { host, guest } = fleet;
    await host.stop();
    await parse(guest.url);
    const text = await scrape(guest.url);
    expect(text.startsWith(`${FALLBACK_COMMENT}\n`)).toBe(true);
    const values = samples(text);
    expect(values.get("cita_metrics_aggregated")).toBe(0);
    // Its own parses only: the seven before, and this one.
    expect(values.get(PARSES)).toBe(8);
    const check = runPromtool(context, ["check", "metrics"], { input: text });
    expect(check.output.trim()).toBe("");
  });
});
