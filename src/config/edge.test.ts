// The edge's readers at their edges: a secret of 31 and 32 characters, origins as browsers write them, and
// which listener hosts are loopback.
import { describe, expect, it } from "vitest";
import { isLoopbackHost, MINIMUM_TOKEN_LENGTH, origins, secretToken, trustedProxies } from "./edge.js";
import { ConfigError } from "./environment.js";

describe("secretToken", () => {
  it("takes 32 characters and refuses 31", () => {
    expect(MINIMUM_TOKEN_LENGTH).toBe(32);
    expect(secretToken({ T: "x".repeat(32) }, "T")).toBe("x".repeat(32));
    expect(() => secretToken({ T: "x".repeat(31) }, "T")).toThrow(ConfigError);
  });

  it("counts characters, not UTF-16 units: 16 emoji are 16 characters", () => {
    expect(() => secretToken({ T: "🔑".repeat(16) }, "T")).toThrow(/at least 32 characters/);
  });

  it("trims the value, and leaves an unset or blank one null", () => {
    expect(secretToken({ T: `  ${"y".repeat(40)}\n` }, "T")).toBe("y".repeat(40));
    expect(secretToken({ T: "   " }, "T")).toBeNull();
    expect(secretToken({}, "T")).toBeNull();
  });
});

describe("origins", () => {
  it("writes each origin as a browser sends it: lower-case host, no default port, no trailing slash", () => {
    expect(
      origins({ O: "https://App.Example/, http://localhost:5173 ,https://app.example:443,," }, "O"),
    ).toEqual(["https://app.example", "http://localhost:5173", "https://app.example"]);
  });

  it.each([
    "*",
    "https://*.example.com",
    "https://app.example/chat",
    "https://app.example?x=1",
    "file:///tmp",
    "null",
    "https://user:pw@app.example",
  ])("refuses %s", (value) => {
    expect(() => origins({ O: value }, "O")).toThrow(ConfigError);
  });
});

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"])(
    "%s is loopback",
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each([
    "0.0.0.0",
    "::",
    "10.0.0.5",
    "192.168.1.2",
    "128.0.0.1",
    "localhost.example.com",
    "1127.0.0.1",
    "",
  ])("%s is not", (host) => expect(isLoopbackHost(host)).toBe(false));
});

describe("trustedProxies", () => {
  it("reads a list of addresses and ranges, none by default", () => {
    expect(trustedProxies({}, "P")).toEqual([]);
    expect(trustedProxies({ P: " 10.0.0.0/8, ::1 ,," }, "P")).toHaveLength(2);
  });

  it("refuses a host name or a malformed range, naming it", () => {
    expect(() => trustedProxies({ P: "10.0.0.0/8, proxy.internal" }, "P")).toThrow(/"proxy.internal"/);
    expect(() => trustedProxies({ P: "10.0.0.0/33" }, "P")).toThrow(ConfigError);
  });

  it("refuses a range of every address, or of every IPv4 one, and takes anything narrower", () => {
    for (const every of ["0.0.0.0/0", "::/0", "::ffff:0:0/96", "::/80"]) {
      expect(() => trustedProxies({ P: every }, "P"), every).toThrow(/trusts every address/);
    }
    expect(trustedProxies({ P: "0.0.0.0/1, 128.0.0.0/1, fd00::/8, 2001:db8::/32" }, "P")).toHaveLength(4);
  });
});
