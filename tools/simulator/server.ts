// The provider simulator: a Node HTTP server on 127.0.0.1 that speaks the providers' wire dialects well
// enough for the official SDKs, answers realistic extraction JSON, misbehaves on demand and records every
// attempt. Entry for tests (`startSimulator`) and for tools/sim.ts.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ProviderName } from "../../src/providers/types.js";
import { handleAdmin, type SimulatorControl } from "./admin.js";
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
import { userTextOf } from "./extraction.js";
import { FaultBook, type FaultConfig, type FaultInput, type FaultPlan, faultConfigSchema } from "./faults.js";
import { hashKey, randomHex, seededRandom } from "./random.js";
import { type Attempt, Recorder } from "./recording.js";
import { baseUrls, ROUTES } from "./routes.js";

export interface SimulatorOptions {
  seed?: number;
  /** 0 (the default) picks a free port. */
  port?: number;
  faults?: FaultConfig;
  /** For timestamps and Retry-After dates. */
  clock?: () => number;
}

export interface Simulator extends SimulatorControl {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The base URL each provider's SDK must be given. */
  baseUrls: Record<ProviderName, string>;
  setFaults(provider: ProviderName | string, model: string | undefined, faults: readonly FaultInput[]): void;
  close(): Promise<void>;
}

const JSON_HEADERS = { "content-type": "application/json" };

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const config = options.faults ? faultConfigSchema.parse(options.faults) : { rules: [] };
  const seed = options.seed ?? config.seed ?? 1;
  const clock = options.clock ?? Date.now;
  const book = new FaultBook();
  const recorder = new Recorder();
  const sequence = new Map<string, number>();
  const loadRules = () => {
    for (const rule of config.rules) book.set(rule.provider, rule.model, rule.faults);
  };
  loadRules();

  const control: SimulatorControl = {
    setFaults: (provider, model, faults) => book.set(provider, model, faults),
    clearFaults: () => book.clear(),
    attempts: () => recorder.list(),
    reset() {
      book.clear();
      recorder.clear();
      sequence.clear();
      loadRules();
    },
  };

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
  ): Delivery {
    const outcome = plan.outcome;
    const delays = { headersDelayMs: plan.headersDelayMs, bodyStallMs: plan.bodyStallMs };
    if (outcome?.kind === "hang") return { kind: "hang" };
    if (outcome?.kind === "reset") return { kind: "reset", headersDelayMs: plan.headersDelayMs };
    if (outcome !== null && outcome.kind in ERROR_STATUS) {
      const reply = errorReply(dialect, outcome.kind as ErrorKind, null, request, identity);
      if (outcome.kind === "rateLimit" && outcome.retryAfterSeconds !== undefined) {
        reply.headers["retry-after"] =
          outcome.retryAfterFormat === "http-date"
            ? new Date(clock() + outcome.retryAfterSeconds * 1000).toUTCString()
            : String(outcome.retryAfterSeconds);
      }
      return { kind: "reply", reply, ...delays };
    }
    const written = answer(userTextOf(request.user), new Date(clock()), outcome, request.maxTokens, random);
    if (outcome !== null && written.applied === null) {
      record.faults = record.faults.filter((kind) => kind !== outcome.kind);
      record.fault = record.faults[0] ?? null;
    }
    const body = JSON.stringify(dialect.success(request, written, identity));
    const headers = { ...JSON_HEADERS, [dialect.requestIdHeader]: identity.requestId };
    return { kind: "reply", reply: { status: 200, headers, body }, ...delays };
  }

  async function handleProvider(
    dialect: Dialect,
    path: string,
    raw: string,
    incoming: IncomingMessage,
    outgoing: ServerResponse,
  ) {
    const started = clock();
    const headers = toHeaders(incoming);
    const retryCount = headers.get("x-stainless-retry-count");
    const record = recorder.begin(
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
    const model = typeof parsed === "string" ? "unknown" : parsed.model;
    const index = sequence.get(`${dialect.provider}/${model}`) ?? 0;
    sequence.set(`${dialect.provider}/${model}`, index + 1);
    const random = seededRandom(hashKey(seed, dialect.provider, model, index));
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
      const plan = book.plan(dialect.provider, parsed.model, random);
      record.faults = [...plan.fired];
      record.fault = plan.outcome?.kind ?? plan.fired[0] ?? null;
      delivery = respond(dialect, parsed, plan, record, identity, random);
    }
    const result = await deliver(incoming, outgoing, delivery);
    record.status = result.status;
    record.aborted = result.aborted;
    record.durationMs = clock() - started;
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse) {
    const path = new URL(incoming.url ?? "/", "http://simulator").pathname.replace(/\/+$/, "");
    const raw = await readBody(incoming);
    const dialect = ROUTES.get(path);
    if (dialect !== undefined && incoming.method === "POST") {
      await handleProvider(dialect, path, raw, incoming, outgoing);
      return;
    }
    let body: unknown = null;
    try {
      body = raw === "" ? null : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const result = handleAdmin(incoming.method ?? "GET", path, body, control);
    outgoing.writeHead(result.status, JSON_HEADERS).end(JSON.stringify(result.body));
  }

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      if (!outgoing.headersSent) outgoing.writeHead(500, JSON_HEADERS);
      outgoing.end(JSON.stringify({ error: String(error) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...control,
    url,
    baseUrls: baseUrls(url),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
