// POST /admin/recovery-check: the runbook's post-recovery test on demand (src/incidents/recovery.ts,
// docs/incidents.md "Recovery check"). The body may name the providers to check; the answer is the report,
// documented as a component and checked against it by src/http/routes/recovery-admin.test.ts.
import { z } from "zod";
import { PROVIDER_NAMES, ProviderNameSchema } from "../../providers/types.js";
import { ADMIN_ERRORS, errorResponses } from "./errors.js";
import { ADMIN, json, type PathItems } from "./operation.js";

export const RECOVERY_CHECK_PATH = "/admin/recovery-check";

export const RecoveryCheckBodySchema = z
  .strictObject({
    providers: z
      .array(ProviderNameSchema)
      .min(1, "must name at least one provider")
      .max(PROVIDER_NAMES.length)
      .optional()
      .describe("The providers to check (configured ones); every configured provider when absent."),
  })
  .meta({ id: "RecoveryCheckRequest" });

const share = z.number().min(0).max(1);

export const ProviderRecoverySchema = z
  .strictObject({
    provider: ProviderNameSchema,
    model: z.string(),
    cases: z.number().int().min(0).describe("The recovery cases meant for the provider."),
    answered: z.number().int().min(0).describe("Cases it answered itself (no failover, no rules)."),
    latency: z
      .strictObject({ p95Ms: z.number().min(0).nullable(), limitMs: z.number(), passed: z.boolean() })
      .describe("p95 of the cases' latency, retries included; passes under limitMs."),
    confidence: z
      .strictObject({ mean: share.nullable(), minimum: share, passed: z.boolean() })
      .describe("Mean confidence its answers earned against the rules; passes over minimum."),
    agreement: z
      .strictObject({ rate: share.nullable(), minimum: share, passed: z.boolean() })
      .describe(
        "Share of answered cases agreeing with the rules reading on date and time; passes at minimum.",
      ),
    quota: z
      .strictObject({
        remaining: z.number().int().min(0).nullable(),
        minimum: z.number().int().min(0),
        known: z.boolean(),
        passed: z.boolean(),
      })
      .describe(
        "Requests left in its rate-limit window from its last answer's headers; passes over minimum, or when unknown (known false).",
      ),
    passed: z.boolean().describe("Every check passed and every case was answered."),
  })
  .meta({ id: "ProviderRecovery" });

export const RecoveryReportSchema = z
  .strictObject({
    at: z.string().describe("When the check ended (ISO 8601)."),
    verdict: z.enum(["passed", "failed"]).describe("passed only when every provider passed."),
    providers: z.array(ProviderRecoverySchema),
    reasons: z.array(z.string()).describe("One line per failed check; empty when it passed."),
  })
  .meta({ id: "RecoveryReport" });

export const recoveryPaths: PathItems = {
  [RECOVERY_CHECK_PATH]: {
    post: {
      operationId: "checkRecovery",
      summary: "Run the post-recovery test",
      description:
        "Sends the recovery cases (golden cases tagged recovery, Spanish and English) to each provider " +
        "through the router, one at a time, and judges p95 latency (under 5 s), mean confidence (over 0.8), " +
        "agreement with the rules reading and the requests left in its rate-limit window (over 50, where its " +
        "headers say). Bounded by a 60 s deadline; one check at a time. A failed verdict is still a 200.",
      security: ADMIN,
      requestBody: { required: false, content: json("RecoveryCheckRequest") },
      responses: {
        "200": { description: "The report", content: json("RecoveryReport") },
        ...errorResponses({
          "400": "invalid_json or invalid_request (an unknown or unconfigured provider is named)",
          "415": "unsupported_media_type",
          ...ADMIN_ERRORS,
          "429":
            "rate_limited (a recovery check is running already; see Retry-After), or too many failed authentications",
          "503": "llm_unavailable (no LLM provider is configured: nothing to check)",
        }),
      },
    },
  },
};
