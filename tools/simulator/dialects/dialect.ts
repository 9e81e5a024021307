// What every wire dialect provides: read a request body into the simulator's terms, and write answers and
// errors in the provider's own shapes, so the official SDKs parse them as they would the real API's.
import type { ProviderName } from "../../../src/providers/types.js";
import type { Answer } from "../answers.js";

export type StructuredMode = "json_object" | "json_schema" | "tool" | "text";

export interface SimRequest {
  model: string;
  system: string;
  /** The last user message's text, framing included. */
  user: string;
  maxTokens: number | null;
  mode: StructuredMode;
  /** The tool the model is asked (forced) or allowed to call. */
  tool: { name: string; forced: boolean } | null;
  /** Text the caller put in the assistant's mouth (Anthropic prefill), which the answer continues. */
  prefill: string;
  promptTokens: number;
}

export type ErrorKind =
  | "rateLimit"
  | "serverError"
  | "badGateway"
  | "unavailable"
  | "overloaded"
  | "contextLength"
  | "contentPolicy"
  | "unauthorized"
  | "badRequest";

export const ERROR_STATUS: Record<ErrorKind, number> = {
  rateLimit: 429,
  serverError: 500,
  badGateway: 502,
  unavailable: 503,
  overloaded: 529,
  contextLength: 400,
  contentPolicy: 400,
  unauthorized: 401,
  badRequest: 400,
};

/** A gateway in front of the API answers 502 in HTML, whatever the dialect. */
export const BAD_GATEWAY_HTML =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

export interface Identity {
  id: string;
  requestId: string;
  created: number;
}

export interface Dialect {
  readonly provider: ProviderName;
  /** The header the provider names its request id in. */
  readonly requestIdHeader: string;
  /** A problem with the headers (missing key, version), or null. */
  checkHeaders(headers: Headers): { kind: ErrorKind; message: string | null } | null;
  /** The request, or a message saying why it is malformed. */
  parse(body: unknown): SimRequest | string;
  success(request: SimRequest, answer: Answer, identity: Identity): unknown;
  error(kind: ErrorKind, message: string | null, request: SimRequest | null, identity: Identity): unknown;
}

export function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (typeof part === "object" && part !== null && "text" in part ? String(part.text) : ""))
    .join("\n");
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
