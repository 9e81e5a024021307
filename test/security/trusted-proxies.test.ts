// Issue 16, "put Cita behind a proxy": per-client limits and provider health tell clients apart by address,
// so behind a reverse proxy every client would be the proxy, and one abusive client would spend everyone's
// budget. Over a real socket: without TRUSTED_PROXIES a client's X-Forwarded-For is its own claim and is
// ignored (the socket's peer is the client); with the proxy's address listed, the address it appended is.
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { jsonLogger } from "../../src/http/logger.js";
import { serveNode } from "../../src/node-serve.js";
import { JSON_HEADERS, type LimitedApp, limitedApps, tally } from "../support/limited-clients.js";

type Server = ReturnType<typeof serveNode>;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The `client` field of the request log line for one request with `forwardedFor`. */
async function loggedClient(environment: Record<string, string>, forwardedFor: string): Promise<unknown> {
  const lines: string[] = [];
  const app = createApp({
    config: readConfig(environment),
    logger: jsonLogger("info", (line) => lines.push(line)),
  });
  const server = await new Promise<Server>((resolve) => {
    const started: Server = serveNode(app.fetch, { port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/health`, {
    headers: { "x-forwarded-for": forwardedFor },
  });
  expect(response.status).toBe(200);
  const records = lines.map((line) => JSON.parse(line) as { route?: string; client?: unknown });
  return records.find((record) => record.route === "/health")?.client;
}

describe("the client's address behind a proxy", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", async () => {
    const client = await loggedClient({}, "203.0.113.7");
    expect(client).toMatch(/^(?:::ffff:)?127\.0\.0\.1$/);
  });

  it("is the address a trusted proxy appended, not the one a client forged before it", async () => {
    expect(await loggedClient({ TRUSTED_PROXIES: "127.0.0.1" }, "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
  });

  it("stays the peer when the peer is not a listed proxy", async () => {
    const client = await loggedClient({ TRUSTED_PROXIES: "10.0.0.0/8" }, "203.0.113.7");
    expect(client).toMatch(/^(?:::ffff:)?127\.0\.0\.1$/);
  });
});

describe("per-address budgets behind a proxy", () => {
  const open = limitedApps();
  const PROXY = "10.0.0.2";
  const parseThroughProxy = (app: LimitedApp, client: string) =>
    app.request(PROXY, "/v1/appointments/parse", {
      method: "POST",
      headers: { ...JSON_HEADERS, "x-forwarded-for": client },
      body: JSON.stringify({ text: "cita mañana a las 10", timezone: "Europe/Madrid" }),
    });
  const flood = (app: LimitedApp, count: number, client: (index: number) => string) =>
    Promise.all(Array.from({ length: count }, (_, index) => parseThroughProxy(app, client(index))));

  it("count each client behind a listed proxy apart: one client's flood leaves the next served", async () => {
    const app = await open({ TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(tally(await flood(app, 70, () => "203.0.113.7"))).toEqual({ 200: 60, 429: 10 });
    expect((await parseThroughProxy(app, "203.0.113.8")).status).toBe(200);
  });

  it("are the proxy's alone when it is not listed, whatever the header claims", async () => {
    const app = await open();
    expect(tally(await flood(app, 70, (index) => `203.0.113.${index}`))).toEqual({ 200: 60, 429: 10 });
  });
});
