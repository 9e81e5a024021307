// GET /admin/incidents and GET /admin/incidents/:id on an app over a SQLite file, the records written into
// the same database the app reads (the calendar store's incidents): who may read them, the list's filters
// and bounds, a malformed query or id, an unknown id, and no routes at all with INCIDENTS=false.
import { describe, expect, it } from "vitest";
import { openIncidentRecord, resolvedRecord } from "../../../test/support/incident-records.js";
import { KEYS_ADMIN_TOKEN, keyedApps } from "../../../test/support/keyed-app.js";
import { silentLogger } from "../../http/logger.js";
import type { Incident } from "../../incidents/types.js";
import { ErrorResponseSchema } from "../schemas/errors.js";
import { IncidentListSchema, IncidentSchema } from "../schemas/incidents.js";

const open = keyedApps();

/** An app whose database holds `resolvedCount` resolved incidents, then one open, each a minute apart. */
async function appWithIncidents(resolvedCount: number, environment = {}) {
  const keyed = await open(environment);
  const incidents = keyed.store.incidents(silentLogger);
  const resolved: Incident[] = [];
  for (let minute = 0; minute < resolvedCount; minute += 1) {
    const record = openIncidentRecord(minute);
    await incidents.openIncident(record);
    const done = resolvedRecord(record);
    await incidents.saveIncident(done);
    resolved.push(done);
  }
  const current = openIncidentRecord(resolvedCount);
  await incidents.openIncident(current);
  return { keyed, resolved, current };
}

function expectError(answer: { status: number; body: unknown }, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(ErrorResponseSchema.parse(answer.body).error.code).toBe(code);
}

describe("who may read incidents", () => {
  it("answers 401 without a credential or with a wrong one, 403 to a key without the admin scope", async () => {
    const { keyed, current } = await appWithIncidents(1);
    const parser = await keyed.createKey(["parse"]);
    for (const path of ["/admin/incidents", `/admin/incidents/${current.id}`]) {
      expectError(await keyed.call("GET", path), 401, "unauthorized");
      expectError(await keyed.call("GET", path, "not-the-admin-token-0123456789abcdef"), 401, "unauthorized");
      expectError(await keyed.call("GET", path, parser.secret), 403, "forbidden");
    }
  });

  it("answers the admin token and a key with the admin scope", async () => {
    const { keyed, current } = await appWithIncidents(0);
    const admin = await keyed.createKey(["admin"]);
    for (const credential of [KEYS_ADMIN_TOKEN, admin.secret]) {
      const list = await keyed.call("GET", "/admin/incidents", credential);
      expect(list.status).toBe(200);
      expect(IncidentListSchema.parse(list.body)).toEqual({ incidents: [current] });
      const one = await keyed.call("GET", `/admin/incidents/${current.id}`, credential);
      expect(one.status).toBe(200);
      expect(IncidentSchema.parse(one.body)).toEqual(current);
    }
  });

  it("checks the credential before the id: a malformed id without one is still a 401", async () => {
    const { keyed } = await appWithIncidents(0);
    expectError(await keyed.call("GET", "/admin/incidents/nope"), 401, "unauthorized");
  });
});

describe("GET /admin/incidents", () => {
  it("lists the newest 20 by default, the open one first, each a whole record", async () => {
    const { keyed, resolved, current } = await appWithIncidents(24);
    const answer = await keyed.call("GET", "/admin/incidents", KEYS_ADMIN_TOKEN);
    expect(answer.status).toBe(200);
    const { incidents } = IncidentListSchema.parse(answer.body);
    expect(incidents).toEqual([current, ...resolved.slice(-19).reverse()]);
  });

  it("filters by state: the open one, the resolved ones, or all", async () => {
    const { keyed, resolved, current } = await appWithIncidents(5);
    const list = async (query: string) =>
      IncidentListSchema.parse((await keyed.call("GET", `/admin/incidents?${query}`, KEYS_ADMIN_TOKEN)).body)
        .incidents;
    expect(await list("state=open")).toEqual([current]);
    expect(await list("state=resolved")).toEqual([...resolved].reverse());
    expect(await list("state=resolved&limit=2")).toEqual([resolved[4], resolved[3]]);
    expect(await list("state=all&limit=2")).toEqual([current, resolved[4]]);
    expect(await list("limit=1")).toEqual([current]);
  });

  it("lists no open incident once it resolved, and the resolved one among the resolved", async () => {
    const { keyed, resolved, current } = await appWithIncidents(1);
    const done = resolvedRecord(current);
    await keyed.store.incidents(silentLogger).saveIncident(done);
    const list = async (query: string) =>
      IncidentListSchema.parse((await keyed.call("GET", `/admin/incidents?${query}`, KEYS_ADMIN_TOKEN)).body)
        .incidents;
    expect(await list("state=open")).toEqual([]);
    expect(await list("state=resolved")).toEqual([done, resolved[0]]);
  });

  it("takes limit from 1 to 100", async () => {
    const { keyed } = await appWithIncidents(0);
    for (const limit of ["1", "100"]) {
      expect((await keyed.call("GET", `/admin/incidents?limit=${limit}`, KEYS_ADMIN_TOKEN)).status).toBe(200);
    }
  });

  it.each([
    ["state=closed", "state"],
    ["state=", "state"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=1000", "limit"],
    ["limit=-1", "limit"],
    ["limit=1.5", "limit"],
    ["limit=ten", "limit"],
    ["limit=", "limit"],
    ["limit=01", "limit"],
    ["page=2", "page"],
    ["limit=1&limit=2", "limit"],
  ])("answers 400 invalid_request to ?%s, naming %s", async (query, name) => {
    const { keyed } = await appWithIncidents(0);
    const answer = await keyed.call("GET", `/admin/incidents?${query}`, KEYS_ADMIN_TOKEN);
    expectError(answer, 400, "invalid_request");
    expect(ErrorResponseSchema.parse(answer.body).error.message).toContain(name);
  });
});

describe("GET /admin/incidents/:id", () => {
  it("answers a resolved incident as stored", async () => {
    const { keyed, resolved } = await appWithIncidents(2);
    const answer = await keyed.call("GET", `/admin/incidents/${resolved[0]!.id}`, KEYS_ADMIN_TOKEN);
    expect(answer.status).toBe(200);
    expect(IncidentSchema.parse(answer.body)).toEqual(resolved[0]);
  });

  it("answers 404 unknown_incident to a well-formed id it does not hold", async () => {
    const { keyed } = await appWithIncidents(0);
    const answer = await keyed.call("GET", "/admin/incidents/inc_0123456789abcdef", KEYS_ADMIN_TOKEN);
    expectError(answer, 404, "unknown_incident");
  });

  it.each([
    "nope",
    "inc_0123456789abcde",
    "inc_0123456789abcdef0",
    "inc_0123456789ABCDEF",
    "INC_0123456789abcdef",
    "inc_0123456789abcdeg",
    "inc_%00123456789abcde",
  ])("answers 400 invalid_request to the id %s", async (id) => {
    const { keyed } = await appWithIncidents(0);
    expectError(await keyed.call("GET", `/admin/incidents/${id}`, KEYS_ADMIN_TOKEN), 400, "invalid_request");
  });

  it("answers 405 to another method", async () => {
    const { keyed, current } = await appWithIncidents(0);
    for (const path of ["/admin/incidents", `/admin/incidents/${current.id}`]) {
      const answer = await keyed.call("DELETE", path, KEYS_ADMIN_TOKEN);
      expectError(answer, 405, "method_not_allowed");
      expect(answer.headers.get("allow")).toBe("GET");
    }
  });
});

describe("with INCIDENTS=false", () => {
  it("serves no incident route", async () => {
    const { keyed, current } = await appWithIncidents(0, { INCIDENTS: "false" });
    for (const path of ["/admin/incidents", `/admin/incidents/${current.id}`]) {
      expectError(await keyed.call("GET", path, KEYS_ADMIN_TOKEN), 404, "not_found");
    }
  });
});
