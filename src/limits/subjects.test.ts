// The subjects budgets count against: neither an unknown nor a loopback peer is limited, and a key is its
// own subject anywhere (an address's network is networkOf's, tested in src/http/ip-address.test.ts).
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../http/env.js";
import type { Principal } from "../http/principal.js";
import { addressSubject, limitedSubject } from "./subjects.js";

async function subjects(
  address: string | null,
  principal?: Principal,
): Promise<[string | null, string | null]> {
  let seen: [string | null, string | null] = [null, null];
  const app = new Hono<AppEnv>().get("/", (context) => {
    if (principal) context.set("principal", principal);
    seen = [limitedSubject(context), addressSubject(context)];
    return context.text("ok");
  });
  const bindings = address === null ? undefined : { incoming: { socket: { remoteAddress: address } } };
  await app.request("/", {}, bindings);
  return seen;
}

const KEY: Principal = { kind: "key", keyId: "key_abc", name: "web", scopes: ["parse"], ratePerMinute: {} };

describe("limitedSubject and addressSubject", () => {
  it("count an anonymous client by its address, an IPv6 one by its /64", async () => {
    expect(await subjects("198.51.100.4")).toEqual(["address:198.51.100.4", "address:198.51.100.4"]);
    expect(await subjects("2001:db8:5:6::99")).toEqual([
      "address:2001:db8:5:6::/64",
      "address:2001:db8:5:6::/64",
    ]);
  });

  it("limit no address where it names no client: in process, or a loopback peer", async () => {
    for (const address of [null, "127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"]) {
      expect(await subjects(address), String(address)).toEqual([null, null]);
    }
  });

  it("count a key's actions against the key wherever it is used from, its failed checks against the address", async () => {
    expect(await subjects("198.51.100.4", KEY)).toEqual(["key:key_abc", "address:198.51.100.4"]);
    expect(await subjects("127.0.0.1", KEY)).toEqual(["key:key_abc", null]);
    expect(await subjects(null, KEY)).toEqual(["key:key_abc", null]);
  });
});
