// Readers of the edge's settings: the bearer secrets (ADMIN_TOKEN, METRICS_TOKEN), the browser origins of
// CORS_ORIGINS, the proxies of TRUSTED_PROXIES, and whether a listener's host is loopback (what the embedded defaults are decided on).
import { type AddressRange, inRange, parseAddress, parseRange } from "../http/ip-address.js";
import { ConfigError, commaParts, type Environment, text } from "./environment.js";

/** 32 characters: `openssl rand -hex 16` at least; a shorter secret falls to guessing far sooner. */
export const MINIMUM_TOKEN_LENGTH = 32;

/** A bearer secret, or null when unset; a shorter one stops start-up, and no message ever shows it. */
export function secretToken(environment: Environment, name: string): string | null {
  const value = text(environment, name);
  if (value === null) return null;
  if ([...value].length < MINIMUM_TOKEN_LENGTH) {
    throw new ConfigError(
      name,
      `must be at least ${MINIMUM_TOKEN_LENGTH} characters long (generate one with \`openssl rand -hex 32\`)`,
    );
  }
  if (/\s/.test(value)) throw new ConfigError(name, "must not contain spaces (it is sent as a bearer token)");
  return value;
}

/**
 * The origins of CORS_ORIGINS ("https://app.example, http://localhost:5173"), each written as browsers send
 * it in `Origin`: a scheme, a host and an optional port, no path. A wildcard is refused: only listed origins
 * may call Cita from a browser.
 */
export function origins(environment: Environment, name: string): string[] {
  return commaParts(environment, name).map((part) => {
    let url: URL | null = null;
    try {
      url = new URL(part);
    } catch {}
    // An origin only: no path, query, credentials or wildcard ("*" would be taken as a host name).
    const bare =
      url !== null &&
      ["http:", "https:"].includes(url.protocol) &&
      url.pathname === "/" &&
      !url.search &&
      !url.hash &&
      !url.username &&
      !url.password &&
      !part.includes("*");
    if (url === null || !bare) {
      throw new ConfigError(
        name,
        `"${part}" is not an origin such as https://app.example.com (no path, no "*")`,
      );
    }
    return url.origin;
  });
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost: only this machine can connect to a listener there. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  return bare === "localhost" || bare === "::1" || /^(?:::ffff:)?127(?:\.\d{1,3}){3}$/.test(bare);
}

/** The first and last IPv4 address: a range holding both holds them all. */
const EVERY_IPV4 = ["0.0.0.0", "255.255.255.255"].map((address) => parseAddress(address) ?? 0n);

/**
 * The proxies of TRUSTED_PROXIES ("10.0.0.0/8, 127.0.0.1, ::1"): peers whose X-Forwarded-For names the
 * client (src/http/client-id.ts). None by default: the socket's peer is the client.
 */
export function trustedProxies(environment: Environment, name: string): AddressRange[] {
  return commaParts(environment, name).map((part) => {
    const range = parseRange(part);
    if (range === null) {
      throw new ConfigError(name, `"${part}" is not an IP address or range such as 10.0.0.0/8 or ::1`);
    }
    // Every IPv4 address (0.0.0.0/0, or an IPv6 range around them): any client could write its own
    // X-Forwarded-For.
    if (range.prefix === 0 || EVERY_IPV4.every((address) => inRange(address, range))) {
      throw new ConfigError(name, `"${part}" trusts every address; list your proxies' addresses or ranges`);
    }
    return range;
  });
}
