// Seeded randomness for the simulator: every attempt draws from its own stream, derived from the seed and
// the attempt's place in its provider/model sequence, so runs repeat even when providers interleave.

export type Random = () => number;

/** FNV-1a over the parts: a stable 32-bit key for a stream. */
export function hashKey(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const character of parts.join("\u0000")) {
    hash ^= character.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: small, fast and good enough for fault dice. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lognormal with the given median and 95th percentile: long-tailed like real provider latency. */
export function lognormal(random: Random, p50: number, p95: number): number {
  const sigma = p95 > p50 && p50 > 0 ? Math.log(p95 / p50) / 1.6449 : 0;
  // Box-Muller; 1 - random() keeps the logarithm finite.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return p50 * Math.exp(sigma * normal);
}

export function randomHex(random: Random, length: number): string {
  let text = "";
  while (text.length < length) text += Math.floor(random() * 16).toString(16);
  return text;
}
