// The contract's error shape, {"error": {"code", "message", "requestId"}}, and its place in each operation's
// documented answers.
import { z } from "zod";
import { json } from "./operation.js";

export const ErrorResponseSchema = z
  .strictObject({
    error: z.strictObject({ code: z.string(), message: z.string(), requestId: z.string() }),
  })
  .meta({ id: "Error" });

/** Documented error answers: each status with what it means, in the Error shape. */
export function errorResponses(codes: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(codes).map(([status, description]) => [status, { description, content: json("Error") }]),
  );
}

/** What a route reading a JSON body may answer about the body. */
export const BODY_ERRORS = {
  "400": "invalid_json or invalid_request (the message names the field)",
  "413": "payload_too_large (over 16 KiB)",
  "415": "unsupported_media_type",
};

/** What a route behind a client key answers without one (issue 16; src/http/access.ts). */
export function keyErrors(scope: string): Record<string, string> {
  return {
    "401": "unauthorized (no client key where keys are required, or an unknown or revoked one)",
    "403": `forbidden (the key lacks the ${scope} scope)`,
  };
}

/** What an admin route answers without the admin token. */
export const ADMIN_ERRORS = {
  "401": "unauthorized (missing or wrong admin token, or an unknown or revoked client key)",
  "403": "forbidden (no ADMIN_TOKEN is configured and no key exists, or the key lacks the admin scope)",
  "429": "rate_limited (too many failed authentications from this address; see Retry-After)",
};

/** What a route with a per-client budget answers past it (src/limits, docs/security/rate-limits.md). */
export const RATE_LIMITED = {
  "429": {
    description:
      "rate_limited (this client key or address has used its budget for the route, or its failed " +
      "authentications' budget)",
    headers: {
      "Retry-After": {
        description: "Whole seconds, at least 1, until the budget holds a request again",
        schema: { type: "integer", minimum: 1 },
      },
    },
    content: json("Error"),
  },
};
