// The bound on series that the metrics Durable Object relies on (src/metrics/durable-object.ts): every
// label value comes from a fixed set (route patterns, status codes, modes, agents, configured providers),
// never from what a client sends. Requests full of fresh random values (paths, ids, methods, parse modes,
// headers) add no series: a second round with new values leaves the exposition's series as they were.
import { describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { readConfig } from "../config.js";

const app = createApp({ config: readConfig({}), loopbackListener: true });

async function round(token: string): Promise<void> {
  const requests: [string, RequestInit][] = [
    [`/${token}`, { method: "GET" }],
    [`/v1/calendars/${token}`, { method: "GET" }],
    [`/v1/calendars/${token}/bookings/${token}`, { method: "DELETE" }],
    [`/v1/calendars/${token}/free-slots?from=${token}`, { method: "GET" }],
    [`/metrics/${token}`, { method: token.toUpperCase().replace(/[^A-Z]/g, "X") }],
    ["/health", { method: "GET", headers: { "x-request-id": token, authorization: `Bearer ${token}` } }],
  ];
  for (const mode of [token, "rules", "llm"]) {
    const body = { text: `book ${token} tomorrow at 4pm`, mode, locale: "en-US", timezone: "UTC" };
    requests.push([
      "/v1/appointments/parse",
      {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", "x-request-id": token },
      },
    ]);
  }
  for (const [path, init] of requests) await (await app.request(path, init)).arrayBuffer();
}

/** The series of the exposition (sample lines without their values). */
async function series(): Promise<string[]> {
  const text = await (await app.request("/metrics")).text();
  return text
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.slice(0, line.lastIndexOf(" ")));
}

describe("metric label values", () => {
  it("come from fixed sets: fresh client input adds no series and never shows as a label value", async () => {
    // Twice first, so the scrape's own series (GET /metrics) is there too.
    const tokens = [1, 2, 3].map(() => `token${crypto.randomUUID().slice(0, 8)}`);
    await round(tokens[0]!);
    await series();
    await round(tokens[1]!);
    const after = await series();
    await round(tokens[2]!);
    const now = await series();
    expect(now.filter((entry) => !after.includes(entry))).toEqual([]);
    expect(now).toEqual(after);
    expect(now.filter((entry) => tokens.some((token) => entry.toLowerCase().includes(token)))).toEqual([]);
  });
});
