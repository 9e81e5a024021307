// Errors in the contract's shape: {"error": {"code", "message", "requestId"}}, never a stack trace or an
// upstream body.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorCode =
  | "invalid_json"
  | "invalid_request"
  | "unsupported_media_type"
  | "payload_too_large"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "slot_unavailable"
  | "outside_hours"
  | "idempotency_key_reused"
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
  method_not_allowed: 405,
  slot_unavailable: 409,
  outside_hours: 409,
  idempotency_key_reused: 422,
  rate_limited: 429,
  llm_unavailable: 503,
  store_unavailable: 503,
  internal: 500,
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
