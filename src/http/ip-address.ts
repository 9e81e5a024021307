// IP addresses and ranges ("10.0.0.0/8", "2001:db8::/32", "127.0.0.1"), for TRUSTED_PROXIES: which peers may
// say who the client is. Addresses become 128-bit integers (IPv4 as its IPv4-mapped IPv6 form), so one
// comparison serves both families and "::ffff:10.1.2.3", as Node reports IPv4 peers on a dual-stack socket,
// falls in 10.0.0.0/8.

export interface AddressRange {
  /** The first address of the range, as a 128-bit integer. */
  base: bigint;
  /** The prefix length in the 128-bit space. */
  prefix: number;
}

/** The upper 96 bits of an IPv4-mapped IPv6 address (::ffff:a.b.c.d). */
export const IPV4_MAPPED_PREFIX = 0xffffn;
const IPV4_MAPPED = IPV4_MAPPED_PREFIX << 32n;
const ALL = (1n << 128n) - 1n;

/** An address as a 128-bit integer, or null when `text` is not an IPv4 or IPv6 address. */
export function parseAddress(text: string): bigint | null {
  if (text.includes(":")) return parseIpv6(text);
  const ipv4 = parseIpv4(text);
  return ipv4 === null ? null : IPV4_MAPPED | ipv4;
}

/** "address" or "address/prefix", or null when malformed. An IPv4 prefix counts IPv4 bits. */
export function parseRange(text: string): AddressRange | null {
  const [address = "", length, extra] = text.trim().split("/");
  const value = parseAddress(address);
  if (value === null || extra !== undefined) return null;
  const width = address.includes(":") ? 128 : 32;
  const bits = length === undefined ? width : /^\d{1,3}$/.test(length) ? Number(length) : Number.NaN;
  if (!(bits >= 0 && bits <= width)) return null;
  const prefix = bits + 128 - width;
  return { base: value & mask(prefix), prefix };
}

export function inRange(address: bigint, range: AddressRange): boolean {
  return (address & mask(range.prefix)) === range.base;
}

function mask(prefix: number): bigint {
  return prefix === 0 ? 0n : (ALL >> BigInt(128 - prefix)) << BigInt(128 - prefix);
}

function parseIpv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    // Decimal only, no leading zeros: "010" is octal to some parsers and decimal to others.
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string): bigint[] | null => {
    if (half === "") return [];
    const groups: bigint[] = [];
    const parts = half.split(":");
    for (const [index, part] of parts.entries()) {
      // An IPv4 tail ("::ffff:10.1.2.3") is two groups.
      if (index === parts.length - 1 && part.includes(".")) {
        const ipv4 = parseIpv4(part);
        if (ipv4 === null) return null;
        groups.push(ipv4 >> 16n, ipv4 & 0xffffn);
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) groups.push(BigInt(`0x${part}`));
      else return null;
    }
    return groups;
  };
  const head = groupsOf(halves[0] ?? "");
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? "") : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/**
 * An IPv4 address as it is (also when IPv4-mapped); an IPv6 address as its first four groups and "::/64".
 * Anything that is not an address (no runtime gives one) stays as it is, so it still names one client.
 */
export function networkOf(address: string): string {
  const bare = address.replace(/%.*$/, "");
  const value = parseAddress(bare);
  if (value === null) return bare.toLowerCase();
  if (value >> 32n === IPV4_MAPPED_PREFIX) {
    return [24n, 16n, 8n, 0n].map((shift) => (value >> shift) & 0xffn).join(".");
  }
  const groups = [112n, 96n, 80n, 64n].map((shift) => ((value >> shift) & 0xffffn).toString(16));
  return `${groups.join(":")}::/64`;
}
