import { describe, expect, it } from "vitest";
import { epochMilliseconds } from "./instant.js";

describe("epochMilliseconds", () => {
  it("reads Duckling's format as Date.parse does", () => {
    for (const value of [
      "2013-02-12T04:30:00.000-02:00",
      "2013-02-12T04:30:00.000+05:45",
      "2013-02-12T04:30:00Z",
      "2013-02-12T04:30+01:00",
      "0099-12-31T23:59:59.999+00:00",
    ]) {
      expect(epochMilliseconds(value), value).toBe(Date.parse(value));
    }
  });

  it("reads the years before 0 that Duckling writes with four digits", () => {
    expect(epochMilliseconds("-2014-01-01T00:00:00.000-02:00")).toBe(
      Date.parse("-002014-01-01T02:00:00.000Z"),
    );
    expect(epochMilliseconds("0014-01-01T00:00:00.000-02:00")).toBe(Date.parse("0014-01-01T02:00:00.000Z"));
  });

  it("tells the same instant in two offsets apart from two different instants", () => {
    expect(epochMilliseconds("2013-02-12T04:30:00.000-02:00")).toBe(
      epochMilliseconds("2013-02-12T06:30:00.000Z"),
    );
    expect(epochMilliseconds("2013-02-12T04:30:00.000-02:00")).not.toBe(
      epochMilliseconds("2013-02-12T04:30:00.000-03:00"),
    );
  });

  it.each(["2013-02-12", "2013-02-12T04:30:00", "tomorrow", ""])(
    "refuses %j (no time or no offset)",
    (value) => {
      expect(epochMilliseconds(value)).toBeNull();
    },
  );
});
