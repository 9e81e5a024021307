// Issue 16, item 3: no route had a rate limit, and Duckling's route spent 30 ms of CPU on a 2000-character
// text. The parse route and Duckling's route now draw on budgets of their own per client: 60 a minute per
// anonymous address, 600 per key. The budget is taken before the body is read, so a refused flood costs no
// parsing; an IPv6 client's whole /64 is one client.
import { describe, expect, it } from "vitest";
import {
  firstRefusal,
  JSON_HEADERS,
  type LimitedApp,
  limitedApps,
  tally,
} from "../support/limited-clients.js";

const open = limitedApps();

const PARSE = { text: "cita mañana a las 10 con Ana", timezone: "Europe/Madrid" };

function parse(limited: LimitedApp, from: string, headers: Record<string, string> = {}) {
  return limited.request(from, "/v1/appointments/parse", {
    method: "POST",
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify(PARSE),
  });
}

function duckling(limited: LimitedApp, from: string) {
  return limited.request(from, "/parse", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `locale=es_ES&text=${encodeURIComponent("1 2 3 ".repeat(300))}`,
  });
}

function times<T>(count: number, send: (index: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => send(index)));
}

describe("the parse route per client", () => {
  it("answers 60 of 100 parses from one address, then 429 rate_limited with Retry-After", async () => {
    const app = await open();
    const answers = await times(100, () => parse(app!, "203.0.113.20"));
    expect(tally(answers)).toEqual({ 200: 60, 429: 40 });
    expect(await firstRefusal(answers)).toEqual({
      retryAfter: "1",
      error: expect.objectContaining({
        code: "rate_limited",
        message: "Too many parse requests from this client (60 a minute). Retry after 1 s.",
      }),
    });
    app.time.now += 1_000;
    expect((await parse(app, "203.0.113.20")).status).toBe(200);
    expect((await parse(app, "203.0.113.21")).status).toBe(200);
  });

  it("refuses a flooded client before reading its body: even a malformed one answers 429", async () => {
    const app = await open({ ADDRESS_RATE_LIMITS: "parse=1" });
    expect((await parse(app, "203.0.113.22")).status).toBe(200);
    const malformed = await app.request("203.0.113.22", "/v1/appointments/parse", {
      method: "POST",
      headers: JSON_HEADERS,
      body: "{not json",
    });
    expect(malformed.status).toBe(429);
  });

  it("lets a browser on a CORS origin read the 429 and its Retry-After", async () => {
    const app = await open({ CORS_ORIGINS: "https://app.example", ADDRESS_RATE_LIMITS: "parse=1" });
    const origin = { origin: "https://app.example" };
    expect((await parse(app, "203.0.113.23", origin)).status).toBe(200);
    const refused = await parse(app, "203.0.113.23", origin);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(refused.headers.get("access-control-expose-headers")).toContain("Retry-After");
    expect(refused.headers.get("retry-after")).toBe("60");
  });

  it("counts every address of one IPv6 /64 as one client", async () => {
    const app = await open();
    const answers = await times(100, (index) => parse(app!, `2001:db8:aa:bb:${index.toString(16)}::1`));
    expect(tally(answers)).toEqual({ 200: 60, 429: 40 });
    expect((await parse(app, "2001:db8:aa:bc::1")).status).toBe(200);
  });

  it("gives a key 600 a minute", async () => {
    const app = await open();
    const key = await app.key("web");
    const answers = await times(601, (index) => parse(app!, `198.51.100.${index % 200}`, key));
    expect(tally(answers)).toEqual({ 200: 600, 429: 1 });
  });
});

describe("Duckling's route per client", () => {
  it("answers 60 of 80 from one address and keeps its budget apart from the parse route's", async () => {
    const app = await open();
    const answers = await times(80, () => duckling(app!, "203.0.113.30"));
    expect(tally(answers)).toEqual({ 200: 60, 429: 20 });
    expect((await firstRefusal(answers)).error.message).toBe(
      "Too many Duckling requests from this client (60 a minute). Retry after 1 s.",
    );
    expect((await parse(app, "203.0.113.30")).status).toBe(200);
    expect((await duckling(app, "203.0.113.31")).status).toBe(200);
  });
});
