// `npm run golden` arguments: the seeding options and the combinations that make no sense.
import { describe, expect, it } from "vitest";
import { parseArguments, UsageError } from "./arguments.js";
import { DEFAULT_GOLDEN_PATHS } from "./fixtures.js";

describe("parseArguments", () => {
  it("reads files and options", () => {
    expect(
      parseArguments(["x.jsonl", "--url", "http://127.0.0.1:8787", "--min", "0.95", "--junit", "r.xml"]),
    ).toEqual({
      paths: ["x.jsonl"],
      url: "http://127.0.0.1:8787",
      adminToken: null,
      seedDatabase: null,
      junit: "r.xml",
      min: 0.95,
      failures: null,
      help: false,
    });
  });

  it("limits the failures listed", () => {
    expect(parseArguments(["fixtures/sgd", "--failures", "20"])).toMatchObject({ failures: 20 });
    expect(parseArguments(["--failures", "0"])).toMatchObject({ failures: 0 });
  });

  it.each([
    ["--min", "95"],
    ["--min", "abc"],
    ["--url", "ftp://host"],
    ["--bogus"],
    ["--failures", "-1"],
    ["--failures", "2.5"],
    ["--failures", ""],
  ])("rejects %s %s", (...args) => {
    expect(() => parseArguments(args)).toThrow(UsageError);
  });

  it("runs in process on the default files with nothing given", () => {
    expect(parseArguments([])).toEqual({
      paths: DEFAULT_GOLDEN_PATHS,
      url: null,
      adminToken: null,
      seedDatabase: null,
      junit: null,
      min: null,
      failures: null,
      help: false,
    });
  });

  it("takes an admin token with --url, to seed the server's calendars", () => {
    expect(
      parseArguments([
        "--url",
        "http://127.0.0.1:8787",
        "--admin-token",
        "s3cret-admin-token-0123456789abcdef",
      ]),
    ).toMatchObject({
      url: "http://127.0.0.1:8787",
      adminToken: "s3cret-admin-token-0123456789abcdef",
    });
  });

  it("refuses an admin token without a server, or an empty one", () => {
    expect(() => parseArguments(["--admin-token", "s3cret-admin-token-0123456789abcdef"])).toThrow(
      UsageError,
    );
    expect(() => parseArguments(["--admin-token", "s3cret-admin-token-0123456789abcdef"])).toThrow(
      "use it with --url",
    );
    expect(() => parseArguments(["--url", "http://a", "--admin-token", " "])).toThrow("must not be empty");
  });

  it("seeds a database alone, and says so when asked for more", () => {
    expect(parseArguments(["--seed-database", "data/golden.db"])).toMatchObject({
      seedDatabase: "data/golden.db",
    });
    for (const more of [
      ["--url", "http://a"],
      ["--junit", "x.xml"],
      ["--min", "0.9"],
      ["--failures", "5"],
      ["fixtures/golden"],
    ]) {
      expect(() => parseArguments(["--seed-database", "data/golden.db", ...more])).toThrow(
        "--seed-database only seeds the database",
      );
    }
  });
});
