// GET /admin/incidents and GET /admin/incidents/{id} (src/http/routes/incidents-admin.ts): the incident
// record of src/incidents/types.ts as the admin API answers it, documented as components, and the list's
// query. The record is only answered, never read from a client: the schema is the documentation, the
// compile-time check at the end keeps it equal to the type, and the route tests check answers against it.
import { z } from "zod";
import {
  INCIDENT_STATES,
  INCIDENT_TYPES,
  type Incident,
  MITIGATION_KINDS,
  SEVERITIES,
} from "../../incidents/types.js";
import { ProviderNameSchema } from "../../providers/types.js";
import { ADMIN_ERRORS, errorResponses } from "./errors.js";
import { ADMIN, json, type PathItems } from "./operation.js";

export const INCIDENTS_PATH = "/admin/incidents";
export const INCIDENT_PATH = "/admin/incidents/:id";
/** `inc_` and 16 hex digits (src/incidents/types.ts). */
export const INCIDENT_ID = /^inc_[0-9a-f]{16}$/;
export const DEFAULT_INCIDENT_LIMIT = 20;
export const MAX_INCIDENT_LIMIT = 100;

const instant = z.string().describe("ISO 8601");
const milliseconds = z.number().min(0);
const severity = z.enum(SEVERITIES);
const variant = z.enum(["baseline", "finetuned"]);
const rate = z.number().min(0).max(1).nullable();

const ProviderModelSchema = z.strictObject({ provider: ProviderNameSchema, model: z.string() });

const SeverityBasisSchema = z.strictObject({
  requests: z.number().int().min(0).describe("Parse requests answered in the window (errors included)."),
  llmWanted: z.number().int().min(0).describe("Of them, requests that wanted an LLM reading."),
  llmFailed: z.number().int().min(0).describe("Of those, requests whose LLM reading failed."),
  serviceErrors: z.number().int().min(0).describe("5xx answers: the service's fault."),
  llmErrorRate: rate.describe("LLM-path error rate, llmFailed / llmWanted; null: no request wanted one."),
  serviceErrorRate: rate.describe("Service error rate, serviceErrors / requests; null: no request."),
  llmP95Ms: milliseconds.nullable().describe("p95 latency of the LLM calls in the window; null: none."),
  llm: severity.nullable().describe("The LLM path's severity; null: healthy."),
  service: severity.nullable().describe("The service's severity; null: healthy."),
});

const VariantFiguresSchema = z.strictObject({
  requests: z.number().int().min(0),
  p50Ms: milliseconds.nullable(),
  p95Ms: milliseconds.nullable(),
  errorRate: z.number().min(0).max(1),
  invalidJsonRate: z.number().min(0).max(1),
  meanConfidence: z.number().min(0).max(1).nullable(),
  costUsd: z.number().min(0),
});

const passedCheck = { passed: z.boolean() };

const RecoveryReportSchema = z
  .strictObject({
    at: instant,
    verdict: z.enum(["passed", "failed"]),
    providers: z.array(
      z.strictObject({
        provider: ProviderNameSchema,
        model: z.string(),
        cases: z.number().int().min(0),
        answered: z.number().int().min(0),
        latency: z.strictObject({ p95Ms: milliseconds.nullable(), limitMs: milliseconds, ...passedCheck }),
        confidence: z.strictObject({ mean: rate, minimum: z.number(), ...passedCheck }),
        agreement: z.strictObject({ rate, minimum: z.number(), ...passedCheck }),
        quota: z.strictObject({
          remaining: z.number().nullable(),
          minimum: z.number(),
          known: z.boolean(),
          ...passedCheck,
        }),
        ...passedCheck,
      }),
    ),
    reasons: z.array(z.string()).describe("Why it failed, one line per failed check; empty when it passed."),
  })
  // Inline, not a component: OpenAPI 3.0 tools ignore `nullable` beside a reference (openapi.ts).
  .meta({ title: "RecoveryReport" });

export const IncidentSchema = z
  .strictObject({
    id: z.string().regex(INCIDENT_ID),
    trigger: z.enum(["router", "rollback"]),
    openedAt: instant,
    updatedAt: instant,
    resolvedAt: instant.nullable(),
    types: z.array(z.enum(INCIDENT_TYPES)),
    providers: z.array(ProviderModelSchema).describe("The providers and models involved."),
    severity: severity.describe("The worse of basis.llm and basis.service (docs/incidents.md)."),
    basis: SeverityBasisSchema,
    state: z.enum(INCIDENT_STATES),
    mitigations: z.array(
      z.strictObject({
        kind: z.enum(MITIGATION_KINDS),
        at: instant,
        provider: ProviderNameSchema.optional(),
        model: z.string().optional(),
        detail: z.string(),
      }),
    ),
    impact: z.strictObject({
      requests: z.number().int().min(0),
      llmWanted: z.number().int().min(0),
      answeredByRules: z.number().int().min(0),
      degradedAnswers: z.number().int().min(0),
      answersLost: z.number().int().min(0).describe("5xx answers; there should be none."),
      extraLatencyMs: z.strictObject({ mean: z.number().nullable(), p95: z.number().nullable() }),
    }),
    agents: z
      .array(
        z.strictObject({
          agent: z.string(),
          runs: z.number().int().min(0),
          meanMs: milliseconds,
          p95Ms: milliseconds,
          baselineMeanMs: milliseconds.nullable(),
        }),
      )
      .describe("Per-agent latency over the incident window against before it."),
    variants: z
      .array(
        z.strictObject({
          variant,
          requests: z.number().int().min(0),
          meanMs: milliseconds,
          p95Ms: milliseconds,
          baselineMeanMs: milliseconds.nullable(),
        }),
      )
      .describe("Parse requests by model variant over the incident window against before it."),
    comparison: z
      .array(
        z.strictObject({
          agent: z.string(),
          finetuned: ProviderModelSchema.nullable(),
          rolloutPercent: z.number().min(0).max(100),
          variants: z.strictObject({ baseline: VariantFiguresSchema, finetuned: VariantFiguresSchema }),
        }),
      )
      .describe("The model registry's fine-tuned versus baseline comparison, as last seen while open."),
    checklist: z
      .array(
        z.strictObject({
          id: z.string(),
          step: z.string(),
          runbook: z.enum(["llm-degradation", "high-latency"]),
          doneBy: z.enum(["service", "person"]),
          doneAt: instant.nullable(),
        }),
      )
      .describe("The runbooks' steps, each done by the service (with when) or left for a person."),
    recovery: RecoveryReportSchema.nullable().describe("The last recovery check; null until one ran."),
    nextUpdateAt: instant.nullable().describe("When the next announcement is due; null once resolved."),
    timeline: z.array(
      z.strictObject({
        at: instant,
        event: z.enum([
          "opened",
          "type",
          "severity",
          "state",
          "mitigation",
          "recovery_check",
          "announcement",
          "resolved",
        ]),
        detail: z.string(),
        severity: severity.optional(),
        state: z.enum(INCIDENT_STATES).optional(),
        type: z.enum(INCIDENT_TYPES).optional(),
        mitigation: z.enum(MITIGATION_KINDS).optional(),
        verdict: z.enum(["passed", "failed"]).optional(),
      }),
    ),
  })
  .meta({ id: "Incident" });

export const IncidentListSchema = z
  .strictObject({ incidents: z.array(IncidentSchema).describe("Newest first.") })
  .meta({ id: "IncidentList" });

const LIMIT_TEXT = /^[1-9][0-9]{0,2}$/;

export const IncidentListQuerySchema = z.strictObject({
  state: z.enum(["open", "resolved", "all"]).default("all"),
  limit: z
    .string()
    .regex(LIMIT_TEXT, `must be a whole number from 1 to ${MAX_INCIDENT_LIMIT}`)
    .transform(Number)
    .refine((limit) => limit <= MAX_INCIDENT_LIMIT, `must be a whole number from 1 to ${MAX_INCIDENT_LIMIT}`)
    .default(DEFAULT_INCIDENT_LIMIT),
});

/** The schema and the record's type agree both ways: a field added to one and not the other fails here. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agreesWithType: Same<z.infer<typeof IncidentSchema>, Incident> = true;
void agreesWithType;

export const incidentPaths: PathItems = {
  [INCIDENTS_PATH]: {
    get: {
      operationId: "listIncidents",
      summary: "Incidents, newest first",
      description:
        "The incidents the service opened (docs/incidents.md), kept in the calendar store's database " +
        "(in memory without one): at most one open, and the newest 500 resolved ones.",
      security: ADMIN,
      parameters: [
        {
          name: "state",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["open", "resolved", "all"], default: "all" },
        },
        {
          name: "limit",
          in: "query",
          required: false,
          schema: {
            type: "integer",
            minimum: 1,
            maximum: MAX_INCIDENT_LIMIT,
            default: DEFAULT_INCIDENT_LIMIT,
          },
        },
      ],
      responses: {
        "200": { description: "The incidents", content: json("IncidentList") },
        ...errorResponses({
          "400": "invalid_request (state or limit out of range, an unknown or repeated parameter)",
          ...ADMIN_ERRORS,
          "503": "store_unavailable (the database cannot be reached)",
        }),
      },
    },
  },
  "/admin/incidents/{id}": {
    get: {
      operationId: "getIncident",
      summary: "One incident",
      description:
        "The whole record: timeline, mitigations, impact, per-agent and per-variant latency, the " +
        "fine-tuned versus baseline comparison, the runbooks' checklist and the last recovery check.",
      security: ADMIN,
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "string", pattern: INCIDENT_ID.source } },
      ],
      responses: {
        "200": { description: "The incident", content: json("Incident") },
        ...errorResponses({
          "400": "invalid_request (the id is not inc_ and 16 hex digits)",
          ...ADMIN_ERRORS,
          "404": "unknown_incident (no such incident, or deleted past the newest 500 resolved)",
          "503": "store_unavailable (the database cannot be reached)",
        }),
      },
    },
  },
};
