// Errors in the contract's shape: {"error": {"code", "message", "requestId"}}, never a stack trace or an
// upstream body. Routes throw ApiError; the service's errors are mapped to their codes here; anything else
// is a fault, logged and answered 500.
import type { Context, ErrorHandler, Handler, NotFoundHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { StoreUnavailableError } from "../calendars/store-unavailable.js";
import { ServiceError, type ServiceErrorKind } from "../service-errors.js";
import type { AppEnv } from "./env.js";
import type { Logger } from "./logger.js";

export type ErrorCode =
  | "invalid_json"
  | "invalid_request"
  | "unsupported_media_type"
  | "payload_too_large"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "unknown_incident"
  | "method_not_allowed"
  | "slot_unavailable"
  | "outside_hours"
  | "idempotency_key_reused"
  | "beyond_booking_horizon"
  | "contact_booking_limit"
  | "key_booking_limit"
  | "rate_limited"
  | "llm_unavailable"
  | "store_unavailable"
  | "internal";

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_json: 400,
  invalid_request: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  /** GET /admin/incidents/{id} of an id the store does not hold (docs/incidents.md). */
  unknown_incident: 404,
  method_not_allowed: 405,
  slot_unavailable: 409,
  outside_hours: 409,
  idempotency_key_reused: 422,
  beyond_booking_horizon: 422,
  contact_booking_limit: 422,
  key_booking_limit: 422,
  rate_limited: 429,
  llm_unavailable: 503,
  store_unavailable: 503,
  internal: 500,
};

/** The contract's code for each error the service raises; its message is the answer's. */
const SERVICE_ERROR_CODES: Record<ServiceErrorKind, ErrorCode> = {
  unknown_calendar: "not_found",
  llm_unavailable: "llm_unavailable",
};

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): ContentfulStatusCode {
    return STATUS[this.code];
  }
}

export function errorResponse(context: Context, error: ApiError): Response {
  const requestId = (context.get("requestId") as string | undefined) ?? "";
  for (const [name, value] of Object.entries(error.headers)) context.header(name, value);
  return context.json({ error: { code: error.code, message: error.message, requestId } }, error.status);
}

/** The contract's error for what a handler threw, or null for a fault. */
export function apiErrorOf(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof ServiceError) return new ApiError(SERVICE_ERROR_CODES[error.kind], error.message);
  if (error instanceof StoreUnavailableError) {
    return new ApiError("store_unavailable", "The calendar store cannot be reached right now; please retry.");
  }
  return null;
}

/** nginx's status for a request whose client closed the connection first; only logs and metrics see it. */
export const CLIENT_CLOSED_REQUEST = 499;

/**
 * A request its client abandoned: Node fails the body read with "aborted" (ECONNRESET) when the connection
 * closes mid-body, and the Node server aborts the request's signal once it sees the close.
 */
export function isClientAbort(error: Error, request: Request): boolean {
  if (request.signal.aborted) return true;
  const code = (error as Error & { code?: unknown }).code;
  return code === "ECONNRESET" || (error.name === "Error" && error.message === "aborted");
}

/** The app's onError: the contract's error, or a logged fault answered 500 without its details. */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, context) => {
    const known = apiErrorOf(error);
    if (known !== null) return errorResponse(context, known);
    if (isClientAbort(error, context.req.raw)) {
      // The client hung up mid-request: nothing failed on our side and nobody reads the answer.
      logger.debug({ requestId: context.get("requestId"), event: "client_aborted" });
      return new Response(null, { status: CLIENT_CLOSED_REQUEST });
    }
    logger.error({ requestId: context.get("requestId"), error: error.name, message: error.message });
    return errorResponse(context, new ApiError("internal", "The service failed to answer; please retry."));
  };
}

export const notFound: NotFoundHandler<AppEnv> = (context) =>
  errorResponse(context, new ApiError("not_found", "No such route."));

/** A route's answer to the methods it does not take: 405 with the Allow header. */
export function methodNotAllowed(allow: string): Handler<AppEnv> {
  return (context) => {
    context.header("Allow", allow);
    return errorResponse(context, new ApiError("method_not_allowed", `Use ${allow}.`));
  };
}
