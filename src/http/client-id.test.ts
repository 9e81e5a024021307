// The client id at its edges: the socket's peer on Node (a CF-Connecting-IP header sent to Node is a
// client's claim and ignored), the header on Workers, null when the runtime says nothing, and bounded.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientIdOf } from "./client-id.js";

const app = new Hono().get("/", (context) => context.json({ client: clientIdOf(context) }));

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
