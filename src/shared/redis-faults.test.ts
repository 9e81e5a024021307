// Shared state on a private redis-server that misbehaves: one that stops answering with its connections
// left open (SIGSTOP) bounds every refresh, says "unavailable" and tells it once, answers cache reads at
// once, closes in bounded time, and recovers by itself when the server answers again; one that refuses a
// command Cita needs stops start-up naming REDIS_URL and the command; one that starts refusing a write in
// operation still refreshes the view, and sends each write apart, once.
import { createConnection, createServer, type Socket } from "node:net";
import { createClient } from "@redis/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RedisServer, redisAvailable, startRedis } from "../../test/support/redis-server.js";
import { openRedisState, type RedisState, type RedisStateOptions } from "./redis-state.js";

const TARGET = "qwen/qwen-plus";
/** Real waits for a real server: room for a loaded machine, never asserted as timings. */
const WAIT = { timeout: 15_000, interval: 100 };

describe.skipIf(!redisAvailable())("shared state on a Redis that misbehaves", () => {
  let redis: RedisServer;
  let admin: ReturnType<typeof createClient>;
  const opened: RedisState[] = [];
  let prefix = 0;

  beforeAll(async () => {
    redis = await startRedis();
    admin = createClient({ url: redis.url });
    await admin.connect();
  });
  afterAll(async () => {
    redis?.thaw();
    await Promise.all(opened.map((state) => state.close()));
    await admin?.close();
    await redis?.stop();
  });

  async function open(options: Partial<RedisStateOptions> = {}): Promise<RedisState> {
    const state = await openRedisState({
      url: redis.url,
      prefix: `f${++prefix}:`,
      refreshMs: 60_000,
      ...options,
    });
    opened.push(state);
    state.track(TARGET);
    return state;
  }

  /** A user with every right but those `denied` (ACL syntax: "-@scripting", "-expire"). */
  async function restrictedUrl(name: string, ...denied: string[]): Promise<string> {
    await admin.sendCommand(["ACL", "SETUSER", name, "on", ">pw", "~*", "+@all", ...denied]);
    return `redis://${name}:pw@127.0.0.1:${redis.port}`;
  }

  it("bounds a refresh on a hung Redis, says so once, and recovers by itself when it answers again", async () => {
    const told: string[] = [];
    const peer = await open({ prefix: `f${prefix + 1}:` });
    const state = await open({
      prefix: `f${prefix}:`,
      timeoutMs: 1_000,
      onAvailability: (s) => told.push(s),
    });
    state.cacheAnswer("key", { value: 1 }, 60_000);
    await state.refresh();
    expect(state.status().state).toBe("ok");
    redis.freeze();
    try {
      state.breakerChanged(TARGET, { state: "open", at: Date.now() });
      await state.refresh();
      expect(state.status().state).toBe("unavailable");
      expect(told.at(-1)).toBe("unavailable");
      const toldWhileHung = told.length;
      // Later refreshes and cache reads do not queue up behind the silent server.
      await state.refresh();
      expect(await state.cachedAnswer("key")).toBeUndefined();
      expect(told).toHaveLength(toldWhileHung);
    } finally {
      redis.thaw();
    }
    await vi.waitFor(async () => {
      await state.refresh();
      expect(state.status().state).toBe("ok");
    }, WAIT);
    // Told once per change (a loaded machine may see more than one change).
    expect(told.at(-1)).toBe("ok");
    expect(told.every((event, index) => index === 0 || event !== told[index - 1])).toBe(true);
    // What waited was sent: the peer sees the opening made while Redis was hung.
    await vi.waitFor(async () => {
      await peer.refresh();
      expect(peer.target(TARGET).breaker?.state).toBe("open");
    }, WAIT);
  }, 60_000);

  it("starts over a connection that never finishes connecting (a proxy in front of a hung Redis)", async () => {
    const proxy = await silentProxy(redis.port);
    try {
      const state = await open({ url: proxy.url, timeoutMs: 500 });
      await state.refresh();
      proxy.silent = true;
      await state.refresh();
      expect(state.status().state).toBe("unavailable");
      // The connection made again is accepted, and its first commands are lost: it never becomes ready.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await state.refresh();
      proxy.silent = false;
      await vi.waitFor(async () => {
        await state.refresh();
        expect(state.status().state).toBe("ok");
      }, WAIT);
    } finally {
      proxy.close();
    }
  }, 60_000);

  it("closes in bounded time while Redis is hung", async () => {
    const state = await open({ timeoutMs: 1_000 });
    state.breakerChanged(TARGET, { state: "open", at: Date.now() });
    redis.freeze();
    try {
      void state.refresh();
      await state.close();
      expect(state.status().state).toBe("unavailable");
    } finally {
      redis.thaw();
    }
  }, 30_000);

  it("refuses to start on a Redis that refuses a command it needs, naming REDIS_URL and the command", async () => {
    const url = await restrictedUrl("noscripts", "-@scripting");
    const attempt = openRedisState({ url, refreshMs: 60_000 });
    await expect(attempt).rejects.toThrow(
      `the shared-state store at REDIS_URL (redis://127.0.0.1:${redis.port}) refuses EVAL, which Cita needs`,
    );
    await expect(attempt).rejects.not.toThrow(":pw@");
  });

  it("keeps its view fresh while Redis refuses one of its writes", async () => {
    const url = await restrictedUrl("later", "+@all");
    const peer = await open();
    const state = await open({ prefix: `f${prefix}:`, url });
    // Scripting is taken away after start (an operator's ACL change, a failover to a read-only replica).
    await admin.sendCommand(["ACL", "SETUSER", "later", "-@scripting"]);
    state.breakerChanged(TARGET, { state: "open", at: Date.now() });
    peer.paused(TARGET, Date.now() + 60_000);
    await peer.refresh();
    for (let index = 0; index < 2; index++) await state.refresh();
    expect(state.status().state).toBe("ok");
    expect(state.target(TARGET).pausedUntil).not.toBeNull();
  });

  it("counts spend once when Redis added it but refused its expiry", async () => {
    const url = await restrictedUrl("noexpire", "+@all");
    const state = await open({ url });
    await admin.sendCommand(["ACL", "SETUSER", "noexpire", "-expire"]);
    const now = Date.now();
    state.spent(1, now);
    for (let index = 0; index < 3; index++) await state.refresh();
    expect(state.spentToday(now)).toBe(1);
  });
});

/** A TCP proxy to Redis that, while `silent`, accepts connections and drops what they send. */
async function silentProxy(port: number) {
  const sockets = new Set<Socket>();
  const proxy = { silent: false, url: "", close: () => {} };
  const server = createServer((socket) => {
    const upstream = createConnection(port, "127.0.0.1");
    sockets.add(socket).add(upstream);
    socket.on("data", (chunk) => {
      if (!proxy.silent) upstream.write(chunk);
    });
    upstream.on("data", (chunk) => socket.write(chunk));
    const closeBoth = () => {
      socket.destroy();
      upstream.destroy();
    };
    for (const end of [socket, upstream]) end.on("error", () => {}).on("close", closeBoth);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  proxy.url = `redis://127.0.0.1:${address.port}`;
  proxy.close = () => {
    for (const socket of sockets) socket.destroy();
    server.close();
  };
  return proxy;
}
