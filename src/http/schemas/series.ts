// GET /admin/series: the operations page's timeline (src/metrics/timeline.ts), documented as a component so
// a client reads the hour's columns by name. Only answered, never read: the schema is the documentation,
// and src/http/routes/series-admin.test.ts checks every answer against it.
import { z } from "zod";
import { ADMIN_ERRORS, errorResponses } from "./errors.js";
import { ADMIN, json, type PathItems } from "./operation.js";

export const SERIES_PATH = "/admin/series";

const counts = z.array(z.number().min(0));
const figures = (description: string) => z.array(z.number().min(0).nullable()).describe(description);

export const TimelineTargetSchema = z
  .strictObject({
    provider: z.string(),
    model: z.string(),
    calls: counts.describe("Calls that reached the provider (not those Cita cancelled)."),
    p50Ms: figures("Latency percentiles of answers, timeouts and invalid answers, from the histogram."),
    p95Ms: figures("As p50Ms."),
    p99Ms: figures("As p50Ms."),
    errorRate: figures("5xx answers and connection failures per call."),
    timeoutRate: figures("Timeouts per call."),
    rateLimitRate: figures("429 answers per call."),
    rateLimited: counts.describe("429 answers."),
    invalidJsonRate: figures("Answers that were not clean JSON per answer."),
    confidence: figures("Mean confidence credited to the provider's answers."),
    costUsd: counts.describe("Cost in US dollars, from the price table."),
  })
  .meta({ id: "TimelineTarget" });

export const TimelineSchema = z
  .strictObject({
    scope: z
      .enum(["fleet", "isolate", "instance"])
      .describe(
        "Whose counts: this Node process (instance), this Workers isolate (isolate), or every isolate of the Worker, summed in the METRICS Durable Object (fleet).",
      ),
    minuteMs: z.literal(60_000),
    minutes: z
      .array(z.string())
      .describe("The start of each minute (ISO 8601), oldest first, the current one last."),
    requests: counts.describe("Parse requests answered (errors included)."),
    cacheHitRate: figures("Cache hits per lookup (a bypass is no lookup)."),
    confidence: figures("Mean confidence of parse answers."),
    costUsd: counts.describe("Cost of every provider's calls, in US dollars."),
    providers: z.array(TimelineTargetSchema).describe("The configured providers' models that were called."),
  })
  .meta({ id: "Timeline" });

export const seriesPaths: PathItems = {
  [SERIES_PATH]: {
    get: {
      operationId: "getSeries",
      summary: "The last hour, minute by minute",
      description:
        "60 one-minute buckets, each column as long as `minutes`; a rate is null for a minute without " +
        "calls. Kept in memory (bounded: 60 minutes × the configured providers' models); the operations page " +
        "(/ops) charts it.",
      security: ADMIN,
      responses: {
        "200": { description: "The hour", content: json("Timeline") },
        ...errorResponses(ADMIN_ERRORS),
      },
    },
  },
};
