import { describe, expect, it } from "vitest";
import type { DucklingEntity, Grain } from "../../src/temporal/duckling/types.js";
import type { Expected } from "./corpus.js";
import { bestEntity, describeEntity, describeExpected, matchesExpected } from "./match.js";

const DAY = "2013-02-15T00:00:00.000-02:00";

function valueEntity(value: string, grain: Grain, start = 0, end = 4): DucklingEntity {
  const instant = { value, grain };
  return {
    body: "x".repeat(end - start),
    start,
    end,
    dim: "time",
    latent: false,
    value: { type: "value", ...instant, values: [{ type: "value", ...instant }] },
  };
}

function intervalEntity(from?: [string, Grain], to?: [string, Grain]): DucklingEntity {
  const ends = {
    ...(from ? { from: { value: from[0], grain: from[1] } } : {}),
    ...(to ? { to: { value: to[0], grain: to[1] } } : {}),
  };
  return {
    body: "from 3 to 5pm",
    start: 0,
    end: 13,
    dim: "time",
    latent: false,
    value: { type: "interval", ...ends, values: [{ type: "interval", ...ends }] },
  };
}

const duration: DucklingEntity = {
  body: "for two whole hours",
  start: 0,
  end: 19,
  dim: "duration",
  latent: false,
  value: { value: 2, hour: 2, unit: "hour", normalized: { value: 7200, unit: "second" } },
};

describe("bestEntity", () => {
  it("takes the longest time entity, the first of equally long ones, and ignores durations", () => {
    const short = valueEntity(DAY, "day", 0, 3);
    const long = valueEntity(DAY, "hour", 5, 12);
    const alsoLong = valueEntity(DAY, "minute", 20, 27);
    expect(bestEntity([short, long, alsoLong, duration])).toBe(long);
    expect(bestEntity([duration])).toBeNull();
    expect(bestEntity([])).toBeNull();
  });
});

describe("matchesExpected", () => {
  const single: Expected = { type: "value", value: DAY, grain: "day" };

  it("matches a single value by instant and grain, whatever the offset it is written in", () => {
    expect(matchesExpected(single, valueEntity(DAY, "day"))).toBe(true);
    expect(matchesExpected(single, valueEntity("2013-02-15T02:00:00.000Z", "day"))).toBe(true);
    expect(matchesExpected(single, valueEntity(DAY, "hour"))).toBe(false);
    expect(matchesExpected(single, valueEntity("2013-02-15T00:00:00.000-03:00", "day"))).toBe(false);
    expect(matchesExpected(single, intervalEntity([DAY, "day"], [DAY, "day"]))).toBe(false);
    expect(matchesExpected(single, null)).toBe(false);
  });

  it("matches a closed interval when both ends match", () => {
    const expected: Expected = {
      type: "interval",
      from: { value: "2013-02-12T15:00:00.000-02:00", grain: "hour" },
      to: { value: "2013-02-12T18:00:00.000-02:00", grain: "hour" },
    };
    const from: [string, Grain] = ["2013-02-12T15:00:00.000-02:00", "hour"];
    expect(matchesExpected(expected, intervalEntity(from, ["2013-02-12T18:00:00.000-02:00", "hour"]))).toBe(
      true,
    );
    expect(matchesExpected(expected, intervalEntity(from, ["2013-02-12T17:00:00.000-02:00", "hour"]))).toBe(
      false,
    );
    expect(matchesExpected(expected, intervalEntity(from, ["2013-02-12T18:00:00.000-02:00", "minute"]))).toBe(
      false,
    );
    expect(matchesExpected(expected, intervalEntity(from))).toBe(false);
    expect(matchesExpected(expected, valueEntity(from[0], "hour"))).toBe(false);
  });

  it("matches an open interval on its present end, the other absent", () => {
    const after: Expected = {
      type: "interval",
      open: "after",
      from: { value: "2013-02-12T17:00:00.000-02:00", grain: "hour" },
    };
    const before: Expected = {
      type: "interval",
      open: "before",
      to: { value: "2013-02-12T14:00:00.000-02:00", grain: "minute" },
    };
    expect(matchesExpected(after, intervalEntity(["2013-02-12T17:00:00.000-02:00", "hour"]))).toBe(true);
    expect(
      matchesExpected(
        after,
        intervalEntity(["2013-02-12T17:00:00.000-02:00", "hour"], ["2013-02-13T00:00:00.000-02:00", "hour"]),
      ),
    ).toBe(false);
    expect(
      matchesExpected(before, intervalEntity(undefined, ["2013-02-12T14:00:00.000-02:00", "minute"])),
    ).toBe(true);
    expect(matchesExpected(before, intervalEntity(["2013-02-12T14:00:00.000-02:00", "minute"]))).toBe(false);
  });

  it("matches a negative only when there is no time entity", () => {
    expect(matchesExpected(null, null)).toBe(true);
    expect(matchesExpected(null, valueEntity(DAY, "day"))).toBe(false);
  });
});

describe("describing values", () => {
  it("writes values, intervals and open ends compactly", () => {
    expect(describeExpected(null)).toBe("nothing");
    expect(describeExpected({ type: "value", value: DAY, grain: "day" })).toBe(`${DAY} (day)`);
    expect(describeExpected({ type: "interval", open: "after", from: { value: DAY, grain: "day" } })).toBe(
      `[${DAY} (day), …)`,
    );
    expect(describeEntity(null, "x")).toBe("nothing");
    expect(describeEntity(valueEntity(DAY, "day", 0, 4), "xxxx")).toBe(`${DAY} (day)`);
    expect(describeEntity(valueEntity(DAY, "day", 0, 2), "xx yy")).toBe(`${DAY} (day) from "xx"`);
  });
});
