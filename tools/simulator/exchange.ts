// One provider attempt, from the request on the wire to the delivered answer: parse it in the provider's
// dialect, record it in its scope, roll the scope's faults, count it against the provider's quota (its
// rate-limit headers, quota.ts), write the model's answer or the provider's error, and deliver it (late, stalled, reset or never, as the faults say).
import type { IncomingMessage, ServerResponse } from "node:http";
import { answer } from "./answers.js";
import { type Delivery, deliver, type Reply } from "./delivery.js";
import {
  BAD_GATEWAY_HTML,
  type Dialect,
  ERROR_STATUS,
  type ErrorKind,
  type Identity,
  type SimRequest,
} from "./dialects/dialect.js";
import { readPrompt } from "./extraction.js";
import type { FaultPlan } from "./faults.js";
import { quotaHeaders } from "./quota.js";
import { randomHex } from "./random.js";
import type { Attempt } from "./recording.js";
import type { Scope } from "./scope.js";

export const JSON_HEADERS = { "content-type": "application/json" };

/** What one exchange needs besides the request: the scope it belongs to and the simulator's clock. */
export interface ExchangeContext {
  scope: Scope;
  /** For timestamps and Retry-After dates. */
  clock: () => number;
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}

function errorReply(
  dialect: Dialect,
  kind: ErrorKind,
  message: string | null,
  request: SimRequest | null,
  identity: Identity,
): Reply {
  const headers = { [dialect.requestIdHeader]: identity.requestId };
  if (kind === "badGateway") {
    return { status: 502, headers: { ...headers, "content-type": "text/html" }, body: BAD_GATEWAY_HTML };
  }
  const body = JSON.stringify(dialect.error(kind, message, request, identity));
  return { status: ERROR_STATUS[kind], headers: { ...headers, ...JSON_HEADERS }, body };
}

/** What to send for a parsed request, given the faults that fired. */
function respond(
  dialect: Dialect,
  request: SimRequest,
  plan: FaultPlan,
  record: Attempt,
  identity: Identity,
  random: () => number,
  clock: () => number,
  quota: Record<string, string>,
): Delivery {
  const outcome = plan.outcome;
  const delays = { headersDelayMs: plan.headersDelayMs, bodyStallMs: plan.bodyStallMs };
  if (outcome?.kind === "hang") return { kind: "hang" };
  if (outcome?.kind === "reset") return { kind: "reset", headersDelayMs: plan.headersDelayMs };
  if (outcome !== null && outcome.kind in ERROR_STATUS) {
    const reply = errorReply(dialect, outcome.kind as ErrorKind, null, request, identity);
    Object.assign(reply.headers, quota);
    if (outcome.kind === "rateLimit" && outcome.retryAfterSeconds !== undefined) {
      reply.headers["retry-after"] =
        outcome.retryAfterFormat === "http-date"
          ? new Date(clock() + outcome.retryAfterSeconds * 1000).toUTCString()
          : String(outcome.retryAfterSeconds);
    }
    return { kind: "reply", reply, ...delays };
  }
  const written = answer(readPrompt(request.user), new Date(clock()), outcome, request.maxTokens, random);
  if (outcome !== null && written.applied === null) {
    record.faults = record.faults.filter((kind) => kind !== outcome.kind);
    record.fault = record.faults[0] ?? null;
  }
  const body = JSON.stringify(dialect.success(request, written, identity));
  const headers = { ...JSON_HEADERS, [dialect.requestIdHeader]: identity.requestId, ...quota };
  return { kind: "reply", reply: { status: 200, headers, body }, ...delays };
}

export async function handleProvider(
  context: ExchangeContext,
  dialect: Dialect,
  path: string,
  raw: string,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const { scope, clock } = context;
  const started = clock();
  const headers = toHeaders(incoming);
  const retryCount = headers.get("x-stainless-retry-count");
  const record = scope.begin(
    {
      provider: dialect.provider,
      path,
      requestId: headers.get("x-request-id"),
      sdkRetryCount: retryCount === null ? null : Number(retryCount),
    },
    started,
  );
  let parsed: SimRequest | string;
  try {
    parsed = dialect.parse(JSON.parse(raw));
  } catch {
    parsed = "We could not parse the JSON body of your request.";
  }
  const random = scope.nextRandom(dialect.provider, typeof parsed === "string" ? "unknown" : parsed.model);
  const identity: Identity = {
    id: randomHex(random, 29),
    requestId: `req_${randomHex(random, 24)}`,
    created: Math.floor(started / 1000),
  };
  const problem = dialect.checkHeaders(headers);
  let delivery: Delivery;
  if (problem !== null || typeof parsed === "string") {
    const kind = problem?.kind ?? "badRequest";
    delivery = {
      kind: "reply",
      reply: errorReply(dialect, kind, problem ? problem.message : (parsed as string), null, identity),
      headersDelayMs: 0,
      bodyStallMs: 0,
    };
  } else {
    Object.assign(record, {
      model: parsed.model,
      maxTokens: parsed.maxTokens,
      mode: parsed.mode,
      tool: parsed.tool?.name ?? null,
    });
    const plan = scope.plan(dialect.provider, parsed.model, random);
    record.faults = [...plan.fired];
    record.fault = plan.outcome?.kind ?? plan.fired[0] ?? null;
    // A 429 says the window is spent; any other attempt takes one request of it.
    const figures =
      plan.outcome?.kind === "rateLimit"
        ? scope.quotas.spend(dialect.provider, started)
        : scope.quotas.take(dialect.provider, started);
    const quota = figures === null ? {} : quotaHeaders(dialect.provider, figures, started);
    delivery = respond(dialect, parsed, plan, record, identity, random, clock, quota);
  }
  const result = await deliver(incoming, outgoing, delivery);
  record.status = result.status;
  record.aborted = result.aborted;
  record.durationMs = clock() - started;
}
