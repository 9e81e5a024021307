// The subject per-client limits count against: a key's id when a key was checked, else the address.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "./env.js";
import type { Principal } from "./principal.js";
import { principalOf, subjectOf } from "./subject.js";

function appWith(principal: Principal | undefined) {
  return new Hono<AppEnv>()
    .use(async (context, next) => {
      context.set("principal", principal);
      await next();
    })
    .get("/", (context) => context.json({ kind: principalOf(context).kind, subject: subjectOf(context) }));
}

describe("subjectOf", () => {
  it("counts a key's requests against the key, whatever address they come from", async () => {
    const key: Principal = {
      kind: "key",
      keyId: "key_abc",
      name: "web",
      scopes: ["parse"],
      ratePerMinute: {},
    };
    const response = await appWith(key).request("/", { headers: { "cf-connecting-ip": "203.0.113.9" } });
    expect(await response.json()).toEqual({ kind: "key", subject: "key:key_abc" });
  });

  it("counts anonymous requests against the client's address", async () => {
    const response = await appWith(undefined).request("/", {
      headers: { "cf-connecting-ip": "203.0.113.9" },
    });
    expect(await response.json()).toEqual({ kind: "anonymous", subject: "address:203.0.113.9" });
  });

  it("counts an IPv6 client by its /64, as the limits do", async () => {
    const subjects = await Promise.all(
      ["2001:db8:1:2::1", "2001:db8:1:2:dead:beef::3"].map(async (address) => {
        const response = await appWith(undefined).request("/", { headers: { "cf-connecting-ip": address } });
        return ((await response.json()) as { subject: string }).subject;
      }),
    );
    expect(subjects).toEqual(["address:2001:db8:1:2::/64", "address:2001:db8:1:2::/64"]);
  });

  it("knows no subject for an anonymous request with no address (in process)", async () => {
    const response = await appWith({ kind: "anonymous" }).request("/");
    expect(await response.json()).toEqual({ kind: "anonymous", subject: null });
  });
});
