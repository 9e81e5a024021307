// The limits over a real socket: the Node server's peer address is what the budgets count against (never a
// header the client sets). A loopback peer is not limited (docs/security/rate-limits.md), so the server
// listens on this machine's own non-loopback address and the client connects to it, as a remote client
// would; a machine with no such address cannot run this, and the test says so.
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { serveNode } from "../../src/node-serve.js";

const ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry !== undefined && entry.family === "IPv4" && !entry.internal)?.address;

const servers: ReturnType<typeof serveNode>[] = [];
afterAll(async () => {
  for (const server of servers) {
    if ("closeAllConnections" in server) server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(address: string): Promise<string> {
  const now = Date.now();
  const app = createApp({
    config: readConfig({ ADDRESS_RATE_LIMITS: "parse=5", ALLOW_ANONYMOUS: "true" }),
    clock: () => now,
  });
  const server = await new Promise<ReturnType<typeof serveNode>>((resolve) => {
    const listening = serveNode(app.fetch, { hostname: address, port: 0 }, () => resolve(listening));
  });
  servers.push(server);
  return `http://${address}:${(server.address() as AddressInfo).port}`;
}

describe.skipIf(ADDRESS === undefined)(
  "a flood over a socket from a non-loopback address (skipped: this machine has no non-loopback IPv4 address)",
  () => {
    it("is refused 429 with Retry-After past its budget, whatever CF-Connecting-IP it sends", async () => {
      const url = await serve(ADDRESS!);
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let request = 0; request < 8; request++) {
        const answer = await fetch(`${url}/v1/appointments/parse`, {
          method: "POST",
          // A client's own CF-Connecting-IP is ignored on Node: each request claims another address.
          headers: { "content-type": "application/json", "cf-connecting-ip": `198.51.100.${request}` },
          body: JSON.stringify({ text: "cita mañana a las 10", timezone: "Europe/Madrid" }),
        });
        statuses.push(answer.status);
        if (answer.status === 429) retryAfter = answer.headers.get("retry-after");
        await answer.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      expect(retryAfter).toBe("12");
    });
  },
);
