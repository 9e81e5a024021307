// The admin API of client keys: created with the secret shown once, listed without secrets, revoked once;
// bodies refused with the field named; 404 for an unknown key; 503 without a store.
import { describe, expect, it } from "vitest";
import { KEYS_ADMIN_TOKEN, keyedApps } from "../../../test/support/keyed-app.js";
import { createApp } from "../../app.js";
import { readConfig } from "../../config.js";
import { ClientKeySchema, CreatedKeySchema } from "../schemas/keys.js";

const open = keyedApps();

describe("POST /admin/keys", () => {
  it("answers 201 with the key and its secret, which the store keeps only as a digest", async () => {
    const app = await open();
    const created = await app.call("POST", "/admin/keys", KEYS_ADMIN_TOKEN, {
      name: "web\u202E frontend",
      scopes: ["parse", "book"],
      ratePerMinute: { parse: 600, booking: 20 },
    });
    expect(created.status).toBe(201);
    const { key, secret } = CreatedKeySchema.parse(created.body);
    expect(key).toEqual({
      id: expect.stringMatching(/^key_[A-Za-z0-9_-]{12}$/),
      name: "web frontend",
      scopes: ["parse", "book"],
      ratePerMinute: { parse: 600, booking: 20 },
      createdAt: "2026-01-05T08:00:00+00:00",
      revokedAt: null,
    });
    expect(secret).toMatch(/^cita_key_[A-Za-z0-9_-]{43}$/);
    const listed = await app.call("GET", "/admin/keys", KEYS_ADMIN_TOKEN);
    expect(listed.body).toEqual({ keys: [key] });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
  });

  it.each([
    [{ scopes: ["parse"] }, "name"],
    [{ name: " ", scopes: ["parse"] }, "name: must not be empty"],
    [{ name: "x".repeat(101), scopes: ["parse"] }, "name: must be at most 100 characters"],
    [{ name: "web", scopes: [] }, "scopes: must name at least one scope"],
    [{ name: "web", scopes: ["parse", "parse"] }, "scopes: must not repeat a scope"],
    [{ name: "web", scopes: ["root"] }, "scopes"],
    [{ name: "web", scopes: ["parse"], ratePerMinute: { parse: -1 } }, "ratePerMinute"],
    [{ name: "web", scopes: ["parse"], ratePerMinute: { parse: 1.5 } }, "ratePerMinute"],
    [{ name: "web", scopes: ["parse"], ratePerMinute: { login: 5 } }, "ratePerMinute"],
    [{ name: "web", scopes: ["parse"], secret: "mine" }, "secret"],
  ])("refuses %j with 400 naming %s", async (body, field) => {
    const app = await open();
    const refused = await app.call("POST", "/admin/keys", KEYS_ADMIN_TOKEN, body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("invalid_request");
    expect(refused.body.error.message).toContain(field);
    expect((await app.call("GET", "/admin/keys", KEYS_ADMIN_TOKEN)).body).toEqual({ keys: [] });
  });

  it("needs the admin token or an admin key", async () => {
    const app = await open();
    expect((await app.call("POST", "/admin/keys", undefined, { name: "x", scopes: ["admin"] })).status).toBe(
      401,
    );
    const book = await app.createKey(["book"]);
    expect(
      (await app.call("POST", "/admin/keys", book.secret, { name: "x", scopes: ["admin"] })).status,
    ).toBe(403);
    const admin = await app.createKey(["admin"]);
    expect(
      (await app.call("POST", "/admin/keys", admin.secret, { name: "x", scopes: ["parse"] })).status,
    ).toBe(201);
  });
});

describe("DELETE /admin/keys/:keyId", () => {
  it("revokes once, keeping the first time, and answers 404 for an unknown or malformed id", async () => {
    const app = await open();
    const key = await app.createKey(["parse"]);
    const revoked = await app.call("DELETE", `/admin/keys/${key.id}`, KEYS_ADMIN_TOKEN);
    expect(revoked.status).toBe(200);
    expect(ClientKeySchema.parse(revoked.body.key)).toMatchObject({
      id: key.id,
      revokedAt: "2026-01-05T08:00:00+00:00",
    });
    expect((await app.call("DELETE", `/admin/keys/${key.id}`, KEYS_ADMIN_TOKEN)).body).toEqual(revoked.body);
    for (const id of ["key_missing", "not-a-key", "key_%2E%2E"]) {
      const missing = await app.call("DELETE", `/admin/keys/${id}`, KEYS_ADMIN_TOKEN);
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe("not_found");
    }
    expect((await app.call("PUT", `/admin/keys/${key.id}`, KEYS_ADMIN_TOKEN)).status).toBe(405);
  });
});

describe("without a calendar store", () => {
  it("answers 503 store_unavailable: keys live in the store", async () => {
    const app = createApp({ config: readConfig({ ADMIN_TOKEN: KEYS_ADMIN_TOKEN }) });
    const answer = await app.request("/admin/keys", {
      headers: { authorization: `Bearer ${KEYS_ADMIN_TOKEN}` },
    });
    expect(answer.status).toBe(503);
  });
});
