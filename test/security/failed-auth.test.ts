// Issue 16, item 3: admin-token guesses had no limit. Every credential check now sits behind one budget of
// failed authentications per client address (10 per 15 minutes by default): once it is spent, any request
// from that address that carries credentials answers 429 before they are checked, the right token
// included; each 401 takes a token. Counted per address, never per key, and shared by every check
// (ADMIN_TOKEN, METRICS_TOKEN, and the client keys once they merge).
import { describe, expect, it } from "vitest";
import { ErrorResponseSchema } from "../../src/http/schemas/errors.js";
import {
  ADMIN_TOKEN,
  type LimitedApp,
  limitedApps,
  METRICS_TOKEN,
  tally,
} from "../support/limited-clients.js";

const open = limitedApps();

function admin(limited: LimitedApp, from: string, token: string) {
  return limited.request(from, "/admin/models", { headers: { authorization: `Bearer ${token}` } });
}

function guesses(limited: LimitedApp, from: string, count: number) {
  return Promise.all(Array.from({ length: count }, (_, index) => admin(limited, from, `guess-${index}`)));
}

describe("failed authentications per address", () => {
  it("answers 10 guesses 401, then 429 with Retry-After, even to the right token", async () => {
    const app = await open();
    expect(tally(await guesses(app, "203.0.113.40", 10))).toEqual({ 401: 10 });
    const refused = await admin(app, "203.0.113.40", ADMIN_TOKEN);
    expect(refused.status).toBe(429);
    // 10 per 15 minutes: one token every 90 s.
    expect(refused.headers.get("retry-after")).toBe("90");
    expect(ErrorResponseSchema.parse(await refused.json()).error).toMatchObject({
      code: "rate_limited",
      message: "Too many failed authentications from this address. Retry after 90 s.",
    });
    expect((await admin(app, "203.0.113.40", "guess-11")).status).toBe(429);
  });

  it("counts a concurrent burst whole: 100 guesses at once let at most the budget reach a check", async () => {
    const app = await open();
    const answers = await guesses(app, "203.0.113.41", 100);
    const checked = tally(answers)[401] ?? 0;
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(checked + (tally(answers)[429] ?? 0)).toBe(100);
    // Every 401 was charged, so the wait covers them all: the right token waits (checked - 9) × 90 s, but
    // never more than 11 × 90 s (a debt of one whole budget), so others behind the address are not locked
    // out for as long as the burst was large.
    const refused = await admin(app, "203.0.113.41", ADMIN_TOKEN);
    expect(Number(refused.headers.get("retry-after"))).toBe(Math.min(checked - 9, 11) * 90);
  });

  it("serves the right token again once the clock has refilled one token", async () => {
    const app = await open();
    await guesses(app, "203.0.113.42", 10);
    app.time.now += 89_999;
    expect((await admin(app, "203.0.113.42", ADMIN_TOKEN)).status).toBe(429);
    app.time.now += 1;
    expect((await admin(app, "203.0.113.42", ADMIN_TOKEN)).status).toBe(200);
    // A right token takes nothing; the next guess takes the refilled token, and the one after is refused.
    expect((await admin(app, "203.0.113.42", ADMIN_TOKEN)).status).toBe(200);
    expect((await admin(app, "203.0.113.42", "guess")).status).toBe(401);
    expect((await admin(app, "203.0.113.42", ADMIN_TOKEN)).status).toBe(429);
  });

  it("shares one budget across every check: METRICS_TOKEN guesses spend the admin token's too", async () => {
    const app = await open();
    for (let guess = 0; guess < 10; guess++) {
      const answer = await app.request("203.0.113.43", "/metrics", {
        headers: { authorization: `Bearer m${guess}` },
      });
      expect(answer.status).toBe(401);
    }
    expect((await admin(app, "203.0.113.43", ADMIN_TOKEN)).status).toBe(429);
    expect(
      (
        await app.request("203.0.113.43", "/metrics", {
          headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        })
      ).status,
    ).toBe(429);
  });

  it("leaves requests without credentials, and other addresses, alone", async () => {
    const app = await open();
    await guesses(app, "203.0.113.44", 12);
    expect((await app.request("203.0.113.44", "/health")).status).toBe(200);
    expect((await app.request("203.0.113.44", "/admin/models")).status).toBe(401);
    expect((await admin(app, "203.0.113.45", ADMIN_TOKEN)).status).toBe(200);
  });

  it("counts only 401s: a request refused for another reason takes nothing", async () => {
    const app = await open();
    for (let attempt = 0; attempt < 15; attempt++) {
      const answer = await app.request("203.0.113.46", "/v1/calendars/Not%20an%20id", {
        method: "PUT",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        body: "{}",
      });
      expect(answer.status).toBe(400);
    }
    expect((await admin(app, "203.0.113.46", ADMIN_TOKEN)).status).toBe(200);
  });

  it("FAILED_AUTH_LIMIT and FAILED_AUTH_WINDOW_MINUTES set the budget; 0 turns it off", async () => {
    const small = await open({ FAILED_AUTH_LIMIT: "3", FAILED_AUTH_WINDOW_MINUTES: "60" });
    expect(tally(await guesses(small, "203.0.113.47", 3))).toEqual({ 401: 3 });
    expect((await admin(small, "203.0.113.47", ADMIN_TOKEN)).headers.get("retry-after")).toBe("1200");
    const off = await open({ FAILED_AUTH_LIMIT: "0" });
    expect(tally(await guesses(off, "203.0.113.48", 50))).toEqual({ 401: 50 });
  });

  it("does not limit guesses from a loopback peer, which may be a proxy in front of every client", async () => {
    const app = await open();
    expect(tally(await guesses(app, "127.0.0.1", 30))).toEqual({ 401: 30 });
    expect((await admin(app, "127.0.0.1", ADMIN_TOKEN)).status).toBe(200);
  });
});
