// The call log over a hand-written Redis client (redis-calls.ts): a refresh adds every waiting call before
// waiting for the first reply, and when Redis refuses some of them only those are sent again, so the other
// instances count no call twice; the fleet's calls are still read.
import { describe, expect, it } from "vitest";
import type { CallSample } from "../router/health.js";
import { RedisCallLog } from "./redis-calls.js";

const call = (at: number): CallSample => ({
  at,
  outcome: "ok",
  latencyMs: 10,
  answers: 1,
  invalidAnswers: 0,
});

function stream(refused: (at: number) => boolean) {
  const added: number[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const client = {
    xAdd: async (_key: string, _id: string, message: Record<string, string>) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await Promise.resolve();
      inFlight--;
      const at = (JSON.parse(message.call!) as CallSample).at;
      if (refused(at)) throw new Error("refused");
      added.push(at);
      return `${added.length}-0`;
    },
    pExpire: async () => 1,
    xRange: async () => [{ id: "9-0", message: { instance: "peer", call: JSON.stringify(call(99)) } }],
  };
  return {
    client: client as unknown as Parameters<RedisCallLog["exchange"]>[0],
    added,
    mostInFlight: () => mostInFlight,
  };
}

describe("the call log on Redis", () => {
  it("sends again only the calls Redis refused, all at once, and still reads the fleet's", async () => {
    let refuseOdd = true;
    const redis = stream((at) => refuseOdd && at % 2 === 1);
    const log = new RedisCallLog("t:");
    for (let at = 0; at < 6; at++) log.called("qwen/m", call(at));
    await expect(log.exchange(redis.client, ["qwen/m"])).rejects.toThrow("refused");
    expect(redis.mostInFlight()).toBe(6);
    expect(log.take("qwen/m").map((sample) => sample.at)).toEqual([99]);
    refuseOdd = false;
    await log.exchange(redis.client, ["qwen/m"]);
    expect(redis.added).toEqual([0, 2, 4, 1, 3, 5]);
  });
});
