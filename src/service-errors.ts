// The errors the parse service raises, in its own terms. The HTTP layer maps each kind to the contract's
// code and status (src/http/errors.ts); the service knows nothing of either.
export type ServiceErrorKind =
  /** The request names a calendar the store does not have (or there is no store). */
  | "unknown_calendar"
  /** Mode llm, and no LLM provider is configured, usable now, or answered. */
  | "llm_unavailable";

export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}
