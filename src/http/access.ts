// Who may do what (issue 16, items 1–2). Every credential a request carries is read by one function,
// `authenticate`: a client key (looked up by the SHA-256 of its secret), the bootstrap ADMIN_TOKEN, or a
// booking's own token (checked by the booking routes against the booking). Every refusal of a credential
// goes through `failAuthentication`, so a budget of failed authentications wraps the two in one place.
//
// Modes: while no key was ever created (revoking the last one does not count), and either `openWithoutKeys` (Node on a loopback listener, and
// the in-process default) or `allowAnonymous` (ALLOW_ANONYMOUS, the operator's loud opt-in), the deployment
// is open: anonymous callers may do everything but admin, as before keys existed. Once a key exists, keys
// are required; ALLOW_ANONYMOUS then still lets anonymous callers parse, use Duckling, read calendars and
// their free slots, and book, while reading or cancelling a booking needs its token or a key.
import type { Context, MiddlewareHandler } from "hono";
import type { CalendarStore } from "../calendars/store.js";
import type { ClientKey } from "../calendars/types.js";
import { BEARER, bearerCheck } from "./bearer.js";
import type { AppEnv } from "./env.js";
import { ApiError } from "./errors.js";
import { KeyRing } from "./key-ring.js";
import type { KeyPrincipal, Scope } from "./principal.js";
import { BOOKING_TOKEN_PREFIX, hexDigest, KEY_SECRET_PREFIX } from "./secrets.js";

export interface AccessOptions {
  store: CalendarStore | undefined;
  adminToken: string | null;
  allowAnonymous: boolean;
  openWithoutKeys: boolean;
  /** How long a key read from the store is trusted (key-ring.ts); 0 reads the store every time. */
  keyCacheMs: number;
}

/** What a request's Authorization header turned out to be (a wrong one never gets this far). */
export type Credential =
  | { kind: "none" }
  | { kind: "admin" }
  | { kind: "key"; principal: KeyPrincipal }
  /** Unchecked: only the booking it belongs to can tell (routes/booking-access.ts). */
  | { kind: "booking-token"; digest: string };

/**
 * What a route asks of its caller: a scope (`any`: any valid key), and when an anonymous caller may come
 * in: `never`, only while the deployment is `open`, or also with ALLOW_ANONYMOUS (`public`).
 */
export interface Need {
  scope: Scope | "any";
  anonymous: "never" | "open" | "public";
}

const REALM = { "WWW-Authenticate": 'Bearer realm="cita"' };
const NONE: Credential = { kind: "none" };
const ADMIN: Credential = { kind: "admin" };

/** Refuses a request's credentials (or their absence) with 401: the one place failed authentications pass. */
export function failAuthentication(message: string): never {
  throw new ApiError("unauthorized", message, REALM);
}

/** Whether a key may act in a scope: `admin` may do everything, and any valid key meets `any`. */
export function holds(principal: KeyPrincipal, scope: Scope | "any"): boolean {
  return scope === "any" || principal.scopes.includes("admin") || principal.scopes.includes(scope);
}

export class Access {
  readonly keys: KeyRing;
  private readonly adminCheck: ((authorization: string | undefined) => Promise<boolean>) | null;

  constructor(private readonly options: AccessOptions) {
    this.keys = new KeyRing(options.store, options.keyCacheMs);
    this.adminCheck = options.adminToken === null ? null : bearerCheck(options.adminToken);
  }

  /**
   * The request's credential; sets the request's principal for a key. A header that is not a bearer is no
   * credential; an unknown or revoked key, or a wrong token, is refused 401.
   */
  async authenticate(context: Context<AppEnv>): Promise<Credential> {
    const authorization = context.req.header("authorization");
    const presented = BEARER.exec(authorization ?? "")?.[1];
    if (presented === undefined) return NONE;
    if (presented.startsWith(BOOKING_TOKEN_PREFIX)) {
      return { kind: "booking-token", digest: await hexDigest(presented) };
    }
    // A key's secret is looked up first (one digest, usually cached); anything else is tried as ADMIN_TOKEN
    // first, so the admin's requests cost no store query.
    const looksLikeKey = presented.startsWith(KEY_SECRET_PREFIX);
    if (!looksLikeKey && (await this.isAdmin(authorization))) return ADMIN;
    const key = await this.keys.find(presented);
    if (key === null && looksLikeKey && (await this.isAdmin(authorization))) return ADMIN;
    if (key === null) failAuthentication("Unknown client key: send Authorization: Bearer <client key>.");
    if (key.revokedAt !== null) failAuthentication("This client key was revoked.");
    const principal = principalOf(key);
    context.set("principal", principal);
    return { kind: "key", principal };
  }

  private async isAdmin(authorization: string | undefined): Promise<boolean> {
    return this.adminCheck !== null && (await this.adminCheck(authorization));
  }

  /** No key exists and the deployment is open without keys: anonymous callers may do all but admin. */
  async isOpen(): Promise<boolean> {
    const openable = this.options.openWithoutKeys || this.options.allowAnonymous;
    return openable && !(await this.keys.hasKeys());
  }

  async anonymousMay(anonymous: Need["anonymous"]): Promise<boolean> {
    if (anonymous === "never") return false;
    if (anonymous === "public" && this.options.allowAnonymous) return true;
    return this.isOpen();
  }

  /** A middleware that lets through only callers that meet `need`: 401 without a credential, 403 without the scope. */
  require(need: Need): MiddlewareHandler<AppEnv> {
    return async (context, next) => {
      if (need.anonymous === "never" && this.options.adminToken === null && !(await this.keys.hasKeys())) {
        throw new ApiError("forbidden", "Admin routes are disabled: no ADMIN_TOKEN is configured.");
      }
      const credential = await this.authenticate(context);
      if (credential.kind === "key" && !holds(credential.principal, need.scope)) {
        throw new ApiError("forbidden", `This client key lacks the '${need.scope}' scope.`);
      }
      if (credential.kind === "booking-token") {
        failAuthentication("A booking's token reads or cancels that booking only; send a client key.");
      }
      if (credential.kind === "none" && !(await this.anonymousMay(need.anonymous))) {
        failAuthentication(await this.missingCredential(need));
      }
      await next();
    };
  }

  /** What a caller without credentials is told to send. */
  async missingCredential(need: Need): Promise<string> {
    if (need.scope === "admin") {
      return "Send Authorization: Bearer <admin token>, or a client key with the 'admin' scope.";
    }
    if (!(await this.keys.hasKeys())) {
      return (
        "This deployment needs client keys and has none yet: create one with POST /admin/keys (with " +
        "ADMIN_TOKEN) or `npm run keys -- create --scope <scope> --name <name>`, then send it as " +
        "Authorization: Bearer <key>."
      );
    }
    const wanted = need.scope === "any" ? "a client key" : `a client key with the '${need.scope}' scope`;
    return `Send Authorization: Bearer <${wanted}>${need.scope === "calendars" ? " or the admin token" : ""}.`;
  }
}

function principalOf(key: ClientKey): KeyPrincipal {
  return {
    kind: "key",
    keyId: key.id,
    name: key.name,
    scopes: key.scopes,
    ratePerMinute: key.ratePerMinute,
  };
}
