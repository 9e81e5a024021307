// GET /admin/incidents/:id/announcement through the whole app: the Markdown of the stored record at the
// app's clock, the language from ?lang or else Accept-Language, 400 for another lang, 404 for an unknown
// incident, and the admin token required.
import { describe, expect, it } from "vitest";
import { ANNOUNCED_AT, SCENARIO_RECORDS } from "../../../test/support/incident-scenario-records.js";
import { createApp } from "../../app.js";
import { readConfig } from "../../config.js";
import { announcement } from "../../incidents/announcement.js";
import { MemoryIncidentStore } from "../../incidents/memory-store.js";

const ADMIN_TOKEN = "incident-admin-token-0123456789abcdef";
const OPEN = SCENARIO_RECORDS["all-down"]!;
const RESOLVED = { ...SCENARIO_RECORDS.resolved!, id: "inc_00000000000000aa" };

async function incidentApp(adminToken: string | null = ADMIN_TOKEN) {
  const store = new MemoryIncidentStore();
  await store.openIncident(RESOLVED);
  await store.saveIncident(RESOLVED);
  await store.openIncident(OPEN);
  const config = readConfig(adminToken === null ? {} : { ADMIN_TOKEN: adminToken });
  const app = createApp({ config, incidentStore: store, clock: () => ANNOUNCED_AT });
  return (
    path: string,
    headers: Record<string, string> = {},
    token: string | null = ADMIN_TOKEN,
    method = "GET",
  ) =>
    app.request(path, {
      method,
      headers: token === null ? headers : { ...headers, authorization: `Bearer ${token}` },
    });
}

const path = (id: string, query = "") => `/admin/incidents/${id}/announcement${query}`;

describe("GET /admin/incidents/:id/announcement", () => {
  it("answers the record's announcement in Markdown, in English by default, at the app's clock", async () => {
    const get = await incidentApp();
    const response = await get(path(OPEN.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-language")).toBe("en");
    expect(response.headers.get("vary")).toContain("Accept-Language");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe(announcement(OPEN, "en", ANNOUNCED_AT));
  });

  it("answers in Spanish with lang=es, in any case, and a resolved incident with its resolution", async () => {
    const get = await incidentApp();
    for (const lang of ["es", "ES"]) {
      const response = await get(path(OPEN.id, `?lang=${lang}`));
      expect(response.headers.get("content-language")).toBe("es");
      expect(await response.text()).toBe(announcement(OPEN, "es", ANNOUNCED_AT));
    }
    const resolved = await (await get(path(RESOLVED.id, "?lang=es"))).text();
    expect(resolved).toContain("**Resuelta:**");
  });

  it.each([
    ["es-ES,es;q=0.9,en;q=0.8", "es"],
    ["fr-FR, es;q=0.5, de;q=0.9", "es"],
    ["en;q=0.2, es;q=0.3", "es"],
    ["es;q=0.5, en;q=0.5", "es"],
    ["en-GB, es", "en"],
    ["es;q=0, fr", "en"],
    ["fr, de", "en"],
    ["*", "en"],
    ["es;q=abc", "en"],
    ["", "en"],
  ])("takes Accept-Language %j as %s when no lang is given", async (header, expected) => {
    const get = await incidentApp();
    const response = await get(path(OPEN.id), { "accept-language": header });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-language")).toBe(expected);
  });

  it("lets lang win over Accept-Language", async () => {
    const get = await incidentApp();
    const response = await get(path(OPEN.id, "?lang=en"), { "accept-language": "es" });
    expect(response.headers.get("content-language")).toBe("en");
  });

  it.each(["fr", "", "es-ES", "english"])("refuses lang=%j with 400", async (lang) => {
    const get = await incidentApp();
    const response = await get(path(OPEN.id, `?lang=${lang}`));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "invalid_request", message: "lang: must be en or es." });
  });

  it("answers 404 unknown_incident for an id the store does not hold, 400 for one that is no incident id", async () => {
    const get = await incidentApp();
    const unknown = await get(path("inc_ffffffffffffffff"));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("unknown_incident");
    for (const id of ["inc_123", "INC_0123456789ABCDEF", "nope", "%3Cscript%3E"]) {
      const malformed = await get(path(id));
      expect(malformed.status, id).toBe(400);
      expect(((await malformed.json()) as { error: { message: string } }).error.message).toMatch(/^id: /);
    }
  });

  it("answers 405 to another method", async () => {
    const get = await incidentApp();
    const response = await get(path(OPEN.id), {}, ADMIN_TOKEN, "POST");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
  });

  it("needs the admin token: 401 without it or with another, 403 with admin disabled", async () => {
    const get = await incidentApp();
    expect((await get(path(OPEN.id), {}, null)).status).toBe(401);
    expect((await get(path(OPEN.id), {}, "another-token-0123456789abcdef-0123456789")).status).toBe(401);
    const disabled = await incidentApp(null);
    expect((await disabled(path(OPEN.id), {}, null)).status).toBe(403);
  });
});
