// The client id at its edges: the socket's peer on Node (a CF-Connecting-IP header sent to Node is a
// client's claim and ignored), the header on Workers, null when the runtime says nothing, and bounded.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientAddress, clientIdOf } from "./client-id.js";
import type { AppEnv } from "./env.js";
import { parseRange } from "./ip-address.js";

const app = new Hono<AppEnv>().get("/", (context) => context.json({ client: clientIdOf(context) }));

async function clientOf(headers: Record<string, string>, environment?: unknown): Promise<unknown> {
  const response = await app.request("/", { headers }, environment as never);
  return ((await response.json()) as { client: unknown }).client;
}

describe("the client id", () => {
  it("is the socket's peer on Node, whatever the headers say", async () => {
    const node = { incoming: { socket: { remoteAddress: "203.0.113.7" } } };
    expect(await clientOf({ "cf-connecting-ip": "198.51.100.1" }, node)).toBe("203.0.113.7");
    expect(await clientOf({}, { incoming: { socket: {} } })).toBeNull();
  });

  it("is CF-Connecting-IP on Workers, and null when nothing says", async () => {
    expect(await clientOf({ "cf-connecting-ip": "2001:db8::1" }, { DB: {} })).toBe("2001:db8::1");
    expect(await clientOf({})).toBeNull();
  });

  it("keeps at most 64 characters", async () => {
    expect(await clientOf({ "cf-connecting-ip": "x".repeat(500) }, {})).toBe("x".repeat(64));
  });
});

describe("the client id behind trusted proxies (TRUSTED_PROXIES)", () => {
  const behind = (trusted: string[]) => {
    const ranges = trusted.map((text) => parseRange(text) ?? fail(text));
    return new Hono<AppEnv>()
      .use(clientAddress(ranges))
      .get("/", (context) => context.json({ client: clientIdOf(context) }));
  };
  const from = async (app: Hono<AppEnv>, peer: string, forwardedFor?: string) => {
    const headers: Record<string, string> =
      forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor };
    const response = await app.request("/", { headers }, { incoming: { socket: { remoteAddress: peer } } });
    return ((await response.json()) as { client: unknown }).client;
  };

  it("takes the address the trusted proxy appended, not what the client wrote before it", async () => {
    const app = behind(["127.0.0.1", "::1"]);
    expect(await from(app, "127.0.0.1", "203.0.113.7")).toBe("203.0.113.7");
    expect(await from(app, "::ffff:127.0.0.1", "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(await from(app, "::1", "203.0.113.7:51234")).toBe("203.0.113.7");
  });

  it("walks past a chain of trusted proxies to the first address that is not one", async () => {
    const app = behind(["10.0.0.0/8"]);
    expect(await from(app, "10.0.0.2", "6.6.6.6, 198.51.100.4, 10.1.1.1, 10.2.2.2")).toBe("198.51.100.4");
    expect(await from(app, "10.0.0.2", "[2001:db8::5]:443, 10.1.1.1")).toBe("2001:db8::5");
  });

  it("ignores X-Forwarded-For from a peer that is not trusted", async () => {
    const app = behind(["10.0.0.0/8"]);
    expect(await from(app, "198.51.100.4", "10.9.9.9")).toBe("198.51.100.4");
  });

  it("stops at the last trusted proxy when a hop is malformed or the header is missing", async () => {
    const app = behind(["10.0.0.0/8"]);
    expect(await from(app, "10.0.0.2", "not-an-address, 10.1.1.1")).toBe("10.1.1.1");
    expect(await from(app, "10.0.0.2")).toBe("10.0.0.2");
    expect(await from(app, "10.0.0.2", "10.1.1.1, 10.2.2.2")).toBe("10.1.1.1");
  });

  it("believes no header on Workers but CF-Connecting-IP", async () => {
    const app = behind(["0.0.0.0/0"]);
    const response = await app.request("/", {
      headers: { "cf-connecting-ip": "203.0.113.7", "x-forwarded-for": "6.6.6.6" },
    });
    expect(((await response.json()) as { client: unknown }).client).toBe("203.0.113.7");
  });
});

function fail(text: string): never {
  throw new Error(`not a range: ${text}`);
}
