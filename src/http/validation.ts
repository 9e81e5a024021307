// Reading and validating request bodies into the contract's 400/415 errors.
import type { z } from "zod";
import { ApiError } from "./errors.js";

export const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

export async function readJsonBody(request: Request): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    throw new ApiError("unsupported_media_type", "Send the body as application/json.");
  }
  const raw = await request.text();
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError("invalid_json", "The body is not valid JSON.");
  }
}

export function validate<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError("invalid_request", "The body must be a JSON object.");
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    throw new ApiError("invalid_request", `Unknown field: ${issue.keys.join(", ")}.`);
  }
  const field = issue.path.join(".") || "body";
  const message = issue.code === "invalid_type" ? `must be a ${issue.expected}` : issue.message;
  throw new ApiError("invalid_request", `${field}: ${message}.`);
}
