// Client keys over the admin API (issue 16, item 1) as zod schemas: the body of POST /admin/keys (which the
// CLI, tools/keys.ts, validates its flags against too), the key as listed (never its secret), and the routes'
// OpenAPI paths.
import { z } from "zod";
import { LIMITED_ACTIONS, SCOPES } from "../principal.js";
import { cleanTextSchema } from "./clean-text.js";
import { ADMIN_ERRORS, BODY_ERRORS, errorResponses } from "./errors.js";
import { ADMIN, json, type PathItems } from "./operation.js";

/** A ceiling far above any client's need, so a typo cannot make a key's budget unbounded in practice. */
export const MAX_RATE_PER_MINUTE = 1_000_000;
export const KEY_ID = /^key_[A-Za-z0-9_-]{1,64}$/;

const RateSchema = z
  .partialRecord(z.enum(LIMITED_ACTIONS), z.number().int().min(0).max(MAX_RATE_PER_MINUTE))
  .describe(
    "Requests per minute this key may make per action, where it differs from the defaults; 0: no limit, as in KEY_RATE_LIMITS.",
  );

export const NewKeySchema = z
  .strictObject({
    name: cleanTextSchema({ singleLine: true })
      .pipe(z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"))
      .describe("Who the key is for (a frontend, a team); shown in listings and logs."),
    scopes: z
      .array(z.enum(SCOPES))
      .min(1, "must name at least one scope")
      .refine((scopes) => new Set(scopes).size === scopes.length, "must not repeat a scope")
      .describe("parse (parse and Duckling routes), book, calendars (calendar admin), admin (everything)."),
    ratePerMinute: RateSchema.optional(),
  })
  .meta({ id: "NewClientKey" });

export type NewKeyInput = z.infer<typeof NewKeySchema>;

export const ClientKeySchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(SCOPES)),
    ratePerMinute: RateSchema,
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ClientKey" });

export const CreatedKeySchema = z
  .strictObject({
    key: ClientKeySchema,
    secret: z.string().describe("The key's secret, shown this once: only its SHA-256 is stored."),
  })
  .meta({ id: "CreatedClientKey" });

export const KeyListSchema = z.strictObject({ keys: z.array(ClientKeySchema) }).meta({ id: "ClientKeys" });
export const KeyAnswerSchema = z.strictObject({ key: ClientKeySchema }).meta({ id: "ClientKeyAnswer" });

const STORE_ERRORS = { "503": "store_unavailable (no calendar store: keys live in it)" };

export const keyPaths: PathItems = {
  "/admin/keys": {
    post: {
      operationId: "createClientKey",
      summary: "Create a client key",
      description: "Answers the key and its secret; the secret is never shown again.",
      security: ADMIN,
      requestBody: { required: true, content: json("NewClientKey") },
      responses: {
        "201": { description: "The key and its secret", content: json("CreatedClientKey") },
        ...errorResponses({ ...BODY_ERRORS, ...ADMIN_ERRORS, ...STORE_ERRORS }),
      },
    },
    get: {
      operationId: "listClientKeys",
      summary: "List client keys",
      description: "Every key, revoked ones too, oldest first; never a secret.",
      security: ADMIN,
      responses: {
        "200": { description: "The keys", content: json("ClientKeys") },
        ...errorResponses({ ...ADMIN_ERRORS, ...STORE_ERRORS }),
      },
    },
  },
  "/admin/keys/{keyId}": {
    delete: {
      operationId: "revokeClientKey",
      summary: "Revoke a client key",
      description: "The key answers 401 from then on; revoking it again keeps the first revocation time.",
      security: ADMIN,
      parameters: [{ name: "keyId", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        "200": { description: "The revoked key", content: json("ClientKeyAnswer") },
        ...errorResponses({ ...ADMIN_ERRORS, "404": "not_found (no such key)", ...STORE_ERRORS }),
      },
    },
  },
};
