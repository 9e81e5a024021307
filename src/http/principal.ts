// Who a request speaks for: a client key (issue 16, items 1–2) or nobody. The key routes set it once they
// have checked the Authorization header; per-client limits count against it, and the client's address
// stands in where no key is used (subject.ts).

/** What a client key may do; `admin` may do everything. */
export const SCOPES = ["parse", "book", "calendars", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

/** The request-rate budgets kept per client (failed authentications are kept per address only). */
export const LIMITED_ACTIONS = ["parse", "duckling", "booking"] as const;
export type LimitedAction = (typeof LIMITED_ACTIONS)[number];

export interface KeyPrincipal {
  kind: "key";
  /** The key's public id ("key_…"), never its secret. */
  keyId: string;
  name: string;
  scopes: readonly Scope[];
  /** Requests per minute this key may make per action, where it differs from the defaults. */
  ratePerMinute: Partial<Record<LimitedAction, number>>;
}

export interface AnonymousPrincipal {
  kind: "anonymous";
}

export type Principal = KeyPrincipal | AnonymousPrincipal;
