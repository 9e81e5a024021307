// Checks on the app's answers shared by the route tests: every refusal in the contract's error shape,
// with the request's id and no stack trace.
import { expect } from "vitest";
import { ErrorResponseSchema } from "../../src/http/schemas/errors.js";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What a stack trace leaves behind: "    at fn (file.ts:1:2)", file URLs, source positions. */
export const STACK_TRACE = /\n\s+at\s|\bat\s+\S+\s+\(|file:\/\/|node_modules|\.[cm]?[jt]s:\d+|\w+Error:\s/;

/** The error of a refusal, checked: status, JSON, shape, code, a message (naming `field`), the request id. */
export async function expectError(
  response: Response,
  status: number,
  code: string,
  field?: string,
): Promise<{ code: string; message: string; requestId: string }> {
  const raw = await response.text();
  expect(response.status, raw).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(raw).not.toMatch(STACK_TRACE);
  const { error } = ErrorResponseSchema.parse(JSON.parse(raw));
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.requestId).not.toBe("");
  expect(error.requestId).toBe(response.headers.get("x-request-id"));
  if (field !== undefined) expect(error.message).toContain(field);
  return error;
}
