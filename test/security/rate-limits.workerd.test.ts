// The limits on workerd, where each isolate's memory is its own: the buckets live in the RATE_LIMITS Durable
// Object (one per subject, declared in wrangler.toml), which `wrangler dev` runs offline. The client's address
// is CF-Connecting-IP, which Cloudflare sets (and wrangler dev keeps when a test sends it). The object's
// clock is the platform's, so the parse flood allows for the tokens that refilled while it ran; the failed-
// authentication budget (one token every 90 s) has no such slack.
import { describe, expect, it } from "vitest";
import { ErrorResponseSchema } from "../../src/http/schemas/errors.js";
import { ADMIN_TOKEN, useWorker } from "../support/workers.js";

const worker = useWorker("rules");

function parse(from: string): Promise<Response> {
  return fetch(`${worker()}/v1/appointments/parse`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": from },
    body: JSON.stringify({ text: "cita mañana a las 10", timezone: "Europe/Madrid" }),
  });
}

function admin(from: string, token: string): Promise<Response> {
  return fetch(`${worker()}/admin/models`, {
    headers: { authorization: `Bearer ${token}`, "cf-connecting-ip": from },
  });
}

describe("per-client limits on workerd", () => {
  it("refuses a parse flood from one address 429 with Retry-After, and not another address", async () => {
    const from = "198.51.100.77";
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 100 }, () => parse(from)));
    const elapsedSeconds = (Date.now() - started) / 1000;
    const served = answers.filter((answer) => answer.status === 200).length;
    const refused = answers.filter((answer) => answer.status === 429);
    const others = answers.filter((answer) => answer.status !== 200 && answer.status !== 429);
    expect(
      await Promise.all(others.map(async (answer) => `${answer.status} ${await answer.text()}`)),
    ).toEqual([]);
    expect(served + refused.length).toBe(100);
    // 60 a minute: the burst of 60, plus one a second that refilled meanwhile.
    expect(served).toBeGreaterThanOrEqual(60);
    expect(served).toBeLessThanOrEqual(60 + Math.ceil(elapsedSeconds));
    expect(refused[0]!.headers.get("retry-after")).toBe("1");
    expect(ErrorResponseSchema.parse(await refused[0]!.json()).error.code).toBe("rate_limited");
    for (const answer of answers) if (!answer.bodyUsed) await answer.arrayBuffer();
    const other = await parse("203.0.113.99");
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });

  it("refuses the right admin token 429 after 10 failed guesses from one address", async () => {
    const from = "192.0.2.77";
    for (let guess = 0; guess < 10; guess++) {
      const answer = await admin(from, `guess-${guess}`);
      expect(answer.status).toBe(401);
      await answer.arrayBuffer();
    }
    const refused = await admin(from, ADMIN_TOKEN);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(90);
    await refused.arrayBuffer();
    const elsewhere = await admin("203.0.113.98", ADMIN_TOKEN);
    expect(elsewhere.status).toBe(200);
    await elsewhere.arrayBuffer();
  });
});
