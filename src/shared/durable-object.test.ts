// The router-state Durable Object's class, driven as workerd drives it (fetch with a JSON body) over an
// in-memory storage: a message not of the shape is refused with 400; the day's spend is written to storage,
// so a new run of the object (restarted, evicted) starts from it; a storage that fails fails the sync (the
// isolate then keeps its local view: durable-object-state.test.ts). The runtime's half is in
// test/workerd/shared-state.test.ts.
import { describe, expect, it } from "vitest";
import { syncMessage } from "../../test/support/sync-messages.js";
import { type ObjectStorageLike, RefusedSync, RouterStateObject, syncWithObject } from "./durable-object.js";
import { type SyncMessage, SyncReplySchema } from "./durable-object-messages.js";

const DAY = Math.floor(Date.now() / 86_400_000);

function memoryStorage(): ObjectStorageLike & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    get: async (key) => entries.get(key),
    put: async (key, value) => {
      entries.set(key, value);
    },
    delete: async (key) => entries.delete(key),
  };
}

function message(overrides: Partial<SyncMessage> = {}): SyncMessage {
  return syncMessage(DAY, overrides);
}

async function sync(object: RouterStateObject, body: unknown): Promise<Response> {
  return object.fetch(
    new Request("https://router-state.internal/sync", { method: "POST", body: JSON.stringify(body) }),
  );
}

describe("RouterStateObject", () => {
  it("refuses a message not of the shape", async () => {
    const object = new RouterStateObject({ storage: memoryStorage() });
    expect((await sync(object, { instance: "a" })).status).toBe(400);
    expect((await sync(object, { ...message(), spend: [{ day: DAY, usd: -1 }] })).status).toBe(400);
    const broken = await object.fetch(new Request("https://x/sync", { method: "POST", body: "{" }));
    expect(broken.status).toBe(400);
  });

  it("keeps the day's spend in storage, where a new run of the object finds it", async () => {
    const storage = memoryStorage();
    storage.entries.set(`spend:${DAY - 2}`, 9);
    const object = new RouterStateObject({ storage });
    await sync(object, message({ spend: [{ day: DAY, usd: 0.5 }] }));
    expect(storage.entries.get(`spend:${DAY}`)).toBe(0.5);
    expect(storage.entries.has(`spend:${DAY - 2}`)).toBe(false);
    const restarted = new RouterStateObject({ storage });
    const reply = SyncReplySchema.parse(
      await (await sync(restarted, message({ spend: [{ day: DAY, usd: 0.25 }] }))).json(),
    );
    expect(reply.spentUsd).toBe(0.75);
    expect(storage.entries.get(`spend:${DAY}`)).toBe(0.75);
  });

  it("fails the sync when its storage fails", async () => {
    const storage = memoryStorage();
    storage.get = async () => {
      throw new Error("storage down");
    };
    const object = new RouterStateObject({ storage });
    await expect(sync(object, message())).rejects.toThrow("storage down");
  });

  it("is reached by name, and a reply not of the shape or an error status rejects the sync", async () => {
    const object = new RouterStateObject({ storage: memoryStorage() });
    const names: unknown[] = [];
    const namespace = (answer: (request: Request) => Promise<Response>) => ({
      idFromName: (name: string) => {
        names.push(name);
        return name;
      },
      get: () => ({ fetch: answer }),
    });
    const reply = await syncWithObject(
      namespace((request) => object.fetch(request)),
      message(),
    );
    expect(reply.spentUsd).toBe(0);
    expect(names).toEqual(["router"]);
    await expect(
      syncWithObject(
        namespace(async () => new Response("no", { status: 500 })),
        message(),
      ),
    ).rejects.toThrow("answered 500");
    await expect(
      syncWithObject(
        namespace((request) => object.fetch(new Request(request.url, { method: "POST", body: "{}" }))),
        message(),
      ),
    ).rejects.toBeInstanceOf(RefusedSync);
    await expect(
      syncWithObject(
        namespace(async () => Response.json({ epoch: 1 })),
        message(),
      ),
    ).rejects.toThrow();
  });
});
