// batchByTurn: when requests start and when their answers are released, counted in event-loop turns.
import { describe, expect, it } from "vitest";
import { batchByTurn } from "./node-serve.js";

/** Resolves in the check phase of the current turn, after the immediates queued before it. */
function endOfTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function requestFor(name: string): Request {
  return new Request(`http://127.0.0.1/${name}`);
}

function nameOf(request: Request): string {
  return new URL(request.url).pathname.slice(1);
}

/** The names whose answers have settled so far, in settling order. */
function track(answers: Record<string, Promise<unknown>>): string[] {
  const settled: string[] = [];
  for (const [name, answer] of Object.entries(answers)) {
    answer.then(
      () => settled.push(name),
      () => settled.push(name),
    );
  }
  return settled;
}

describe("batchByTurn", () => {
  it("starts a turn's requests at the end of that turn, in arrival order", async () => {
    const started: string[] = [];
    const fetch = batchByTurn((request: Request) => {
      started.push(nameOf(request));
      return new Response(nameOf(request));
    });
    const answers = ["a", "b", "c"].map((name) => fetch(requestFor(name)));
    expect(started).toEqual([]);
    await endOfTurn();
    expect(started).toEqual(["a", "b", "c"]);
    expect(await Promise.all(answers.map(async (answer) => (await answer).text()))).toEqual(["a", "b", "c"]);
  });

  it("holds the answers ready in a turn and releases them together on the next", async () => {
    // Answers ready after different numbers of microtask hops still leave together.
    const hops: Record<string, number> = { three: 3, none: 0, one: 1 };
    const fetch = batchByTurn(async (request: Request) => {
      for (let hop = 0; hop < hops[nameOf(request)]!; hop++) await Promise.resolve();
      return new Response(nameOf(request));
    });
    const settled = track({
      three: fetch(requestFor("three")),
      none: fetch(requestFor("none")),
      one: fetch(requestFor("one")),
    });
    await endOfTurn();
    expect(settled).toEqual([]);
    await endOfTurn();
    // Released in the order they became ready.
    expect(settled).toEqual(["none", "one", "three"]);
  });

  it("does not hold ready answers back for one still waiting on I/O", async () => {
    const fetch = batchByTurn(async (request: Request) => {
      if (nameOf(request) === "slow") await new Promise((resolve) => setTimeout(resolve, 20));
      return new Response(nameOf(request));
    });
    const slow = fetch(requestFor("slow"));
    const settled = track({ slow, fast: fetch(requestFor("fast")) });
    await endOfTurn();
    await endOfTurn();
    expect(settled).toEqual(["fast"]);
    expect(await (await slow).text()).toBe("slow");
    expect(settled).toEqual(["fast", "slow"]);
  });

  it("fails only the request whose handler threw or rejected, with its own error", async () => {
    const thrown = new Error("thrown");
    const rejected = new Error("rejected");
    const fetch = batchByTurn((request: Request): Response | Promise<Response> => {
      const name = nameOf(request);
      if (name === "throws") throw thrown;
      if (name === "rejects") return Promise.reject(rejected);
      return new Response(name);
    });
    const results = await Promise.allSettled([
      fetch(requestFor("before")),
      fetch(requestFor("throws")),
      fetch(requestFor("rejects")),
      fetch(requestFor("after")),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      "fulfilled",
      "rejected",
      "rejected",
      "fulfilled",
    ]);
    expect(results[1]).toEqual({ status: "rejected", reason: thrown });
    expect(results[2]).toEqual({ status: "rejected", reason: rejected });
  });

  it("starts at most `limit` requests a turn and the rest on the following turns", async () => {
    const started: string[] = [];
    const fetch = batchByTurn((request: Request) => {
      started.push(nameOf(request));
      return new Response("");
    }, 2);
    const answers = ["1", "2", "3", "4", "5"].map((name) => fetch(requestFor(name)));
    const counts: number[] = [];
    for (let turn = 0; turn < 4; turn++) {
      await endOfTurn();
      counts.push(started.length);
    }
    expect(counts).toEqual([2, 4, 5, 5]);
    expect(started).toEqual(["1", "2", "3", "4", "5"]);
    await Promise.all(answers);
  });

  it("passes the runtime's other arguments through", async () => {
    const seen: unknown[] = [];
    const bindings = { incoming: "incoming", outgoing: "outgoing" };
    const fetch = batchByTurn((_request: Request, env: typeof bindings) => {
      seen.push(env);
      return new Response("");
    });
    await fetch(requestFor("x"), bindings);
    expect(seen).toEqual([bindings]);
  });

  it("refuses a limit below one or not whole", () => {
    const handler = () => new Response("");
    expect(() => batchByTurn(handler, 0)).toThrow(RangeError);
    expect(() => batchByTurn(handler, 1.5)).toThrow(RangeError);
  });
});
