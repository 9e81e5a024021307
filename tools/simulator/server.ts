// The provider simulator: a Node HTTP server on 127.0.0.1 that speaks the providers' wire dialects well
// enough for the official SDKs, answers realistic extraction JSON, misbehaves on demand and records every
// attempt. This file routes a request to its scope (the root, or one opened under /scopes/<id>) and there
// to a provider exchange (exchange.ts) or an admin route (admin.ts). Entry for tests (`startSimulator`;
// tools/simulator/client.ts for a simulator in another process) and for tools/sim.ts.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ProviderName } from "../../src/providers/types.js";
import { handleAdmin, handleScopes } from "./admin.js";
import { handleProvider, JSON_HEADERS } from "./exchange.js";
import type { FaultConfig, FaultInput } from "./faults.js";
import { baseUrls, ROUTES } from "./routes.js";
import { Scope, Scopes, type SimulatorControl } from "./scope.js";

export interface SimulatorOptions {
  seed?: number;
  /** 0 (the default) picks a free port. */
  port?: number;
  faults?: FaultConfig;
  /** For timestamps, Retry-After dates and the quotas' refill. */
  clock?: () => number;
}

/** A simulator running in this process; its control methods act on the root scope. */
export interface Simulator extends SimulatorControl {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The base URL each provider's SDK must be given. */
  baseUrls: Record<ProviderName, string>;
  setFaults(provider: ProviderName | string, model: string | undefined, faults: readonly FaultInput[]): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(raw: string): unknown {
  if (raw === "") return null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.clock ?? Date.now;
  const root = new Scope(options.seed, options.faults, clock);
  const scopes = new Scopes(clock);
  let origin = "";

  /** The scope a path belongs to and the path inside it; null for a scope that is not open. */
  function locate(path: string): { scope: Scope; path: string } | null {
    const scoped = /^\/scopes\/([^/]+)(\/.*)?$/.exec(path);
    if (scoped === null) return { scope: root, path };
    const scope = scopes.get(scoped[1]!);
    return scope === undefined ? null : { scope, path: scoped[2] ?? "" };
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse) {
    const fullPath = new URL(incoming.url ?? "/", "http://simulator").pathname.replace(/\/+$/, "");
    const method = incoming.method ?? "GET";
    const raw = await readBody(incoming);
    const target = locate(fullPath);
    if (target === null) {
      outgoing.writeHead(404, JSON_HEADERS).end(JSON.stringify({ error: `no open scope for ${fullPath}` }));
      return;
    }
    const dialect = ROUTES.get(target.path);
    if (dialect !== undefined && method === "POST") {
      await handleProvider({ scope: target.scope, clock }, dialect, target.path, raw, incoming, outgoing);
      return;
    }
    const body = parseBody(raw);
    const result =
      (target.scope === root ? handleScopes(method, target.path, body, scopes, origin) : null) ??
      handleAdmin(method, target.path, body, target.scope);
    outgoing.writeHead(result.status, JSON_HEADERS).end(JSON.stringify(result.body));
  }

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      if (!outgoing.headersSent) outgoing.writeHead(500, JSON_HEADERS);
      outgoing.end(JSON.stringify({ error: String(error) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    baseUrls: baseUrls(origin),
    setFaults: root.setFaults,
    clearFaults: () => root.clearFaults(),
    setQuota: root.setQuota,
    attempts: () => root.attempts(),
    reset: () => root.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
