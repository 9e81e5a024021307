// batchByTurn: when requests start and when their answers are released, counted in event-loop turns; and
// serveNode over real sockets: batching, pipelining, and close() under steady keep-alive load.
import { Agent, request as httpRequest } from "node:http";
import { type AddressInfo, connect } from "node:net";
import type { ServerType } from "@hono/node-server";
import { afterEach, describe, expect, it } from "vitest";
import { BATCH_LIMIT, batchByTurn, serveNode } from "./node-serve.js";

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

  it("starts BATCH_LIMIT requests a turn by default", async () => {
    let started = 0;
    const fetch = batchByTurn(() => {
      started++;
      return new Response("");
    });
    const answers = Array.from({ length: BATCH_LIMIT + 1 }, (_, index) => fetch(requestFor(String(index))));
    await endOfTurn();
    expect(started).toBe(BATCH_LIMIT);
    await endOfTurn();
    expect(started).toBe(BATCH_LIMIT + 1);
    await Promise.all(answers);
  });

  it("holds failures like answers, for the next turn", async () => {
    const fetch = batchByTurn((): Response => {
      throw new Error("no");
    });
    const failure = fetch(requestFor("x"));
    const settled = track({ failure });
    await endOfTurn();
    expect(settled).toEqual([]);
    await endOfTurn();
    expect(settled).toEqual(["failure"]);
    await expect(failure).rejects.toThrow("no");
  });

  it("sends a batch's answers before the next batch starts", async () => {
    const events: string[] = [];
    const fetch = batchByTurn((request: Request) => {
      events.push(`start ${nameOf(request)}`);
      return new Response("");
    }, 2);
    await Promise.all(
      ["1", "2", "3", "4", "5"].map((name) =>
        fetch(requestFor(name)).then(() => events.push(`answer ${name}`)),
      ),
    );
    expect(events).toEqual([
      "start 1",
      "start 2",
      "answer 1",
      "answer 2",
      "start 3",
      "start 4",
      "answer 3",
      "answer 4",
      "start 5",
      "answer 5",
    ]);
  });

  it("starts a request at once when the queue is full", async () => {
    const started: string[] = [];
    const fetch = batchByTurn(
      (request: Request) => {
        started.push(nameOf(request));
        return new Response("");
      },
      1,
      2,
    );
    const answers = ["1", "2", "3", "4"].map((name) => fetch(requestFor(name)));
    expect(started).toEqual(["3", "4"]);
    await endOfTurn();
    expect(started).toEqual(["3", "4", "1"]);
    await endOfTurn();
    expect(started).toEqual(["3", "4", "1", "2"]);
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

  it("refuses limits below one or not whole", () => {
    const handler = () => new Response("");
    expect(() => batchByTurn(handler, 0)).toThrow(RangeError);
    expect(() => batchByTurn(handler, 1.5)).toThrow(RangeError);
    expect(() => batchByTurn(handler, 4, 0)).toThrow(RangeError);
  });
});

describe("serveNode", () => {
  let server: ServerType | undefined;

  afterEach(async () => {
    await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<number> {
    return new Promise((resolve) => {
      server = serveNode(fetch, { hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
        resolve(info.port),
      );
    });
  }

  /**
   * Writes `raw` on one connection and reads until the server closes it (the last request asks it to).
   * The client does not half-close: Node's server drops the unanswered requests of a client that does.
   */
  function exchange(port: number, raw: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => socket.write(raw));
      let received = "";
      socket.setEncoding("utf8");
      socket.on("data", (data: string) => {
        received += data;
      });
      socket.on("close", () => resolve(received));
      socket.on("error", reject);
    });
  }

  function pipelined(count: number): string {
    const requests = Array.from({ length: count }, (_, index) => `GET /${index} HTTP/1.1\r\nHost: x\r\n\r\n`);
    return `${requests.join("")}GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`;
  }

  it("starts the requests read together only after Node has handed over all of them", async () => {
    const events: string[] = [];
    const port = await listen((request) => {
      events.push(`handle ${nameOf(request)}`);
      return new Response(nameOf(request));
    });
    server!.prependListener("request", (incoming) => events.push(`arrive ${incoming.url!.slice(1)}`));
    await exchange(port, pipelined(2));
    expect(events).toEqual(["arrive 0", "arrive 1", "arrive last", "handle 0", "handle 1", "handle last"]);
  });

  it("answers more pipelined requests than a batch holds, in order", async () => {
    const port = await listen((request) => new Response(`answer ${nameOf(request)};`));
    const received = await exchange(port, pipelined(3 * BATCH_LIMIT));
    const answers = [...received.matchAll(/answer (\w+);/g)].map((match) => match[1]);
    expect(answers).toEqual([
      ...Array.from({ length: 3 * BATCH_LIMIT }, (_, index) => String(index)),
      "last",
    ]);
  });

  it("closes while keep-alive clients keep sending", async () => {
    const port = await listen(async (request) => new Response(await request.text()));
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    let answered = 0;
    let stopped = false;
    const send = (): void => {
      if (stopped) return;
      const outgoing = httpRequest(
        { agent, port, host: "127.0.0.1", method: "POST", path: "/" },
        (incoming) => {
          incoming.resume();
          incoming.on("end", () => {
            answered++;
            send();
          });
        },
      );
      // The server refuses connections once it has closed: those requests simply end the client's loop.
      outgoing.on("error", () => {});
      outgoing.end("ping");
    };
    for (let client = 0; client < 8; client++) send();
    while (answered < 200) await new Promise((resolve) => setTimeout(resolve, 5));
    // Without Connection: close on the answers, close() never calls back and the test times out.
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    stopped = true;
    agent.destroy();
    expect(answered).toBeGreaterThanOrEqual(200);
  });
});
