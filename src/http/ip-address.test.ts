// Addresses and ranges at their edges: both families, the IPv4-mapped form Node reports, the prefix bounds,
// and what is refused (leading zeros, too many groups, a prefix past the family's width).
import { describe, expect, it } from "vitest";
import { inRange, networkOf, parseAddress, parseRange } from "./ip-address.js";

function contains(range: string, address: string): boolean {
  const parsedRange = parseRange(range);
  const parsedAddress = parseAddress(address);
  if (parsedRange === null || parsedAddress === null) throw new Error(`bad input: ${range} ${address}`);
  return inRange(parsedAddress, parsedRange);
}

describe("IP ranges", () => {
  it("holds the addresses inside an IPv4 prefix and none outside it", () => {
    expect(contains("10.0.0.0/8", "10.255.255.255")).toBe(true);
    expect(contains("10.0.0.0/8", "11.0.0.0")).toBe(false);
    expect(contains("192.168.1.0/24", "192.168.1.77")).toBe(true);
    expect(contains("192.168.1.0/24", "192.168.2.1")).toBe(false);
    expect(contains("192.168.1.0/25", "192.168.1.127")).toBe(true);
    expect(contains("192.168.1.0/25", "192.168.1.128")).toBe(false);
  });

  it("takes a bare address as that one address, /0 as every address of its family", () => {
    expect(contains("127.0.0.1", "127.0.0.1")).toBe(true);
    expect(contains("127.0.0.1", "127.0.0.2")).toBe(false);
    expect(contains("0.0.0.0/0", "203.0.113.9")).toBe(true);
    expect(contains("0.0.0.0/0", "2001:db8::1")).toBe(false);
    expect(contains("::/0", "2001:db8::1")).toBe(true);
  });

  it("matches IPv4 peers as a dual-stack socket reports them (::ffff:a.b.c.d)", () => {
    expect(contains("10.0.0.0/8", "::ffff:10.1.2.3")).toBe(true);
    expect(contains("10.0.0.0/8", "::ffff:a01:203")).toBe(true);
    expect(contains("10.0.0.0/8", "::ffff:11.1.2.3")).toBe(false);
  });

  it("holds IPv6 prefixes, compressed or not", () => {
    expect(contains("2001:db8::/32", "2001:0db8:ffff::1")).toBe(true);
    expect(contains("2001:db8::/32", "2001:db9::1")).toBe(false);
    expect(contains("::1", "0:0:0:0:0:0:0:1")).toBe(true);
    expect(contains("fe80::/10", "febf::1")).toBe(true);
    expect(contains("fe80::/10", "fec0::1")).toBe(false);
  });

  it("refuses what is not an address or a range", () => {
    for (const text of ["", "10.0.0", "10.0.0.256", "010.0.0.1", "1.2.3.4/33", "1.2.3.4/-1", "1.2.3.4/8/8"]) {
      expect(parseRange(text), text).toBeNull();
    }
    for (const text of [
      "::1::",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7",
      "::/129",
      "12345::",
      "g::1",
      "localhost",
    ]) {
      expect(parseRange(text), text).toBeNull();
    }
    expect(parseRange("1:2:3:4:5:6:7::")).not.toBeNull();
    expect(parseRange("::ffff:1.2.3.4/128")).not.toBeNull();
  });
});

describe("networkOf", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:DB8:0001:0002:ffff::1", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001:db8:1::", "2001:db8:1:0::/64"],
    ["::1:2:3:4:5", "0:0:0:1::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["64:ff9b::203.0.113.7", "64:ff9b:0:0::/64"],
  ])("%s is %s", (address, network) => {
    expect(networkOf(address)).toBe(network);
  });
});
