// CORS, probed as a browser and as an attacker would, over a real socket against `node src/node.ts` with
// CORS_ORIGINS listing one origin: its preflights pass on the parse and booking routes and nowhere else, no
// other origin (look-alikes included) is ever echoed, every answer of those routes varies by Origin, and
// with CORS_ORIGINS unset (the default) there is no CORS at all. The Worker gives the same answers
// (cors.workerd.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import {
  BROWSER_ROUTES,
  CLOSED_ROUTES,
  type CorsAnswer,
  LISTED_ORIGIN,
  parseFrom,
  preflight,
  send,
  UNLISTED_ORIGINS,
} from "../support/cors-probes.js";
import { launchNode, type NodeEntry, stopAll } from "../support/node-entry.js";

const ADMIN_TOKEN = "cors-admin-token-0123456789abcdef-0123";
const NO_CORS = {
  allowOrigin: null,
  allowMethods: null,
  allowHeaders: null,
  allowCredentials: null,
  exposeHeaders: null,
  maxAge: null,
} satisfies Partial<CorsAnswer>;

let node: NodeEntry;
const overSocket = (path: string, init: RequestInit) => fetch(`${node.url}${path}`, init);

beforeAll(async () => {
  node = await launchNode({ CORS_ORIGINS: `${LISTED_ORIGIN}, http://localhost:5173`, ADMIN_TOKEN });
});

afterAll(stopAll);

describe("the listed origin", () => {
  it.each(BROWSER_ROUTES)("passes the preflight of %s %s, allowed %s", async (path, method, allowed) => {
    const answer = await send(
      overSocket,
      preflight(path, LISTED_ORIGIN, method, "content-type,idempotency-key"),
    );
    expect(answer).toEqual({
      status: 204,
      allowOrigin: LISTED_ORIGIN,
      allowMethods: allowed,
      allowHeaders: "Content-Type,Authorization,Idempotency-Key,X-Request-Id,X-User-Id,X-Session-Id",
      allowCredentials: null,
      exposeHeaders: "X-Request-Id,Retry-After,Idempotent-Replayed",
      maxAge: "600",
      vary: "Origin, Access-Control-Request-Headers",
    });
  });

  it("reads a parse answer, and an error answer, with its request id exposed", async () => {
    const parsed = await send(overSocket, parseFrom(LISTED_ORIGIN));
    expect(parsed).toMatchObject({ status: 200, allowOrigin: LISTED_ORIGIN, vary: "Origin" });
    expect(parsed.exposeHeaders?.split(",")).toContain("X-Request-Id");
    const refused = await send(overSocket, { ...parseFrom(LISTED_ORIGIN), body: "{" });
    expect(refused).toMatchObject({ status: 400, allowOrigin: LISTED_ORIGIN, vary: "Origin" });
  });

  it("reads a booking's answer (here: no such calendar) and never gets credentials", async () => {
    const answer = await send(overSocket, {
      method: "GET",
      path: "/v1/calendars/dr-perez/availability?from=2027-01-11T00:00:00Z&to=2027-01-12T00:00:00Z",
      headers: { origin: LISTED_ORIGIN },
    });
    expect(answer).toMatchObject({ status: 404, allowOrigin: LISTED_ORIGIN, allowCredentials: null });
  });

  it("is one of several: each listed origin is echoed alone, never the list", async () => {
    const answer = await send(overSocket, parseFrom("http://localhost:5173"));
    expect(answer.allowOrigin).toBe("http://localhost:5173");
  });
});

describe("any other origin", () => {
  it.each(UNLISTED_ORIGINS)(
    "%s gets no CORS header on a parse, and the answer varies by Origin",
    async (origin) => {
      const answer = await send(overSocket, parseFrom(origin));
      expect(answer).toEqual({ status: 200, ...NO_CORS, vary: "Origin" });
    },
  );

  it.each(UNLISTED_ORIGINS)("%s fails the preflight: 405, no CORS header", async (origin) => {
    for (const [path, method] of BROWSER_ROUTES) {
      const answer = await send(overSocket, preflight(path, origin, method));
      expect(answer, `${path}`).toEqual({ status: 405, ...NO_CORS, vary: "Origin" });
    }
  });

  it("an OPTIONS without an Origin (curl) is answered 405 as before", async () => {
    const response = await fetch(`${node.url}/v1/appointments/parse`, { method: "OPTIONS" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("routes that never answer cross-origin, even to the listed origin", () => {
  it.each(CLOSED_ROUTES)("%s %s: the preflight gets no CORS header", async (path, method) => {
    const answer = await send(overSocket, preflight(path, LISTED_ORIGIN, method, "authorization"));
    expect(answer).toMatchObject(NO_CORS);
    expect([404, 405]).toContain(answer.status);
  });

  it.each(CLOSED_ROUTES.filter(([, method]) => method === "GET"))(
    "%s: a GET gets no CORS header",
    async (path) => {
      const answer = await send(overSocket, {
        method: "GET",
        path,
        headers: { origin: LISTED_ORIGIN, authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(answer).toMatchObject(NO_CORS);
    },
  );
});

describe("CORS_ORIGINS unset (the default)", () => {
  const app = createApp({ config: readConfig({}) });
  const inProcess = async (path: string, init: RequestInit) => app.request(path, init);

  it("answers a preflight from any origin 405, as before this setting existed", async () => {
    for (const origin of [LISTED_ORIGIN, ...UNLISTED_ORIGINS]) {
      const answer = await send(inProcess, preflight("/v1/appointments/parse", origin, "POST"));
      expect(answer).toEqual({ status: 405, ...NO_CORS, vary: null });
    }
  });

  it("adds no header to a parse answer", async () => {
    expect(await send(inProcess, parseFrom(LISTED_ORIGIN))).toEqual({ status: 200, ...NO_CORS, vary: null });
  });
});
