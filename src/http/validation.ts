// Reading and validating request bodies into the contract's 400/413/415 errors.
import type { z } from "zod";
import { ApiError } from "./errors.js";

/** The largest request body read, in bytes. */
export const MAX_BODY_BYTES = 16 * 1024;
export const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("payload_too_large", `The body must be at most ${maxBytes} bytes.`);
}

/**
 * How far a refused chunked body is still read, as a multiple of the cap: a body left unread mid-stream
 * breaks the connection it came on (behind `wrangler dev` the worker's next request failed with 503 "Your
 * worker restarted mid-request", and a client still sending got a reset instead of the 413). Reading a
 * little more, and dropping it, lets a body somewhat over the cap end cleanly; past this, cancelling costs
 * less than reading an endless stream.
 */
const DRAIN_FACTOR = 4;

/**
 * The body as text, refused with 413 past `maxBytes`: at once when Content-Length says so, else as soon as
 * the bytes read pass the cap (a chunked body has no length). Reading the stream ourselves, rather than
 * re-wrapping the request as hono/body-limit does, also avoids a per-request leak of Node 20's undici.
 */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const length = request.headers.get("content-length");
  if (length !== null && Number(length) > maxBytes) throw tooLarge(maxBytes);
  // With a Content-Length the HTTP framing bounds the body, and text() takes the runtime's fast path.
  if (length !== null) return request.text();
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await drain(reader, maxBytes * DRAIN_FACTOR - size);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Reads and drops the rest of a stream, up to `budget` bytes more; cancels it if it runs on past that. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  let left = budget;
  while (left >= 0) {
    const { done, value } = await reader.read();
    if (done) return;
    left -= value.byteLength;
  }
  await reader.cancel();
}

export async function readJsonBody(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
  options: { optional?: boolean } = {},
): Promise<unknown> {
  const raw = await readBodyText(request, maxBytes);
  // An optional body may be absent, however the request is framed (curl -X POST sends neither length
  // nor type): no bytes at all is none.
  if (options.optional === true && raw === "") return undefined;
  const contentType = request.headers.get("content-type") ?? "";
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    throw new ApiError("unsupported_media_type", "Send the body as application/json.");
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError("invalid_json", "The body is not valid JSON.");
  }
}

/**
 * The query parameters, each given at most once (else 400): `?from=…&from=…` must not mean one thing to a
 * cache or proxy that reads the first and another to a framework that reads the last.
 */
export function readQuery(request: Request): Record<string, string> {
  const query: Record<string, string> = {};
  const at = request.url.indexOf("?");
  if (at === -1) return query;
  for (const [name, value] of new URLSearchParams(request.url.slice(at + 1))) {
    if (Object.hasOwn(query, name))
      throw new ApiError("invalid_request", `Query parameter given twice: ${name}.`);
    query[name] = value;
  }
  return query;
}

export function validate<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ApiError("invalid_request", "The body must be a JSON object.");
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ApiError("invalid_request", describeIssue(result.error.issues[0]!, body));
}

/**
 * The first problem, naming the field by its whole path (`messages.3.role`), so a client can find it in a
 * conversation of fifty messages; zod's own wording ("Invalid option: expected one of …") gives way to the
 * wording of the other messages.
 */
function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  if (issue.code === "unrecognized_keys") {
    return `Unknown field: ${issue.keys.map((key) => [...issue.path, key].join(".")).join(", ")}.`;
  }
  const field = issue.path.join(".") || "body";
  return `${field}: ${problem(issue, valueAt(body, issue.path))}.`;
}

function problem(issue: z.core.$ZodIssue, given: unknown): string {
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && given === undefined) {
    return "is required";
  }
  if (issue.code === "invalid_type") {
    return `must be ${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`;
  }
  if (issue.code === "invalid_value") {
    return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
  }
  return issue.message;
}

/** What the body holds at `path`: undefined when the field, or an object on the way to it, is absent. */
function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
