// POST /parse, Duckling's HTTP API, so Duckling clients such as Rasa's DucklingEntityExtractor can point at
// Cita unchanged. The answer is the engine's entities, with their offsets counted in code points as
// Duckling counts them (the engine counts UTF-16 units, as JavaScript strings do), and at most
// MAX_DUCKLING_ENTITIES of them.
import { Hono } from "hono";
import type { Config } from "../../config.js";
import { parseDuckling } from "../../temporal/duckling/engine.js";
import type { DucklingEntity } from "../../temporal/duckling/types.js";
import type { AppEnv } from "../env.js";
import { ApiError, methodNotAllowed } from "../errors.js";
import {
  ANSWERED_DIMS,
  DUCKLING_PATH,
  DucklingParseRequestSchema,
  MAX_DUCKLING_ENTITIES,
  TRUNCATED_HEADER,
} from "../schemas/duckling.js";
import { ducklingLocale } from "../schemas/locale.js";
import { JSON_CONTENT_TYPE, readBodyText, readJsonBody, validate } from "../validation.js";

export const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;
type DucklingDim = (typeof ANSWERED_DIMS)[number];

export function ducklingRoutes(options: { config: Config; clock?: () => number }): Hono<AppEnv> {
  const clock = options.clock ?? Date.now;
  const routes = new Hono<AppEnv>();
  routes.post(DUCKLING_PATH, async (context) => {
    const request = validate(DucklingParseRequestSchema, await readFields(context.req.raw));
    const dims = answeredDims(request.dims);
    const locale = ducklingLocale(request.locale, request.lang);
    if (dims.length === 0 || locale === null) return context.json([]);
    const entities = parseDuckling(request.text, {
      locale,
      zone: request.tz ?? options.config.defaultTimezone,
      reference: request.reftime ?? clock(),
      dims,
      latent: request.latent ?? false,
      // One more than the cap, to tell a text with exactly the cap's entities from one cut short.
      limit: MAX_DUCKLING_ENTITIES + 1,
    });
    if (entities.length > MAX_DUCKLING_ENTITIES) {
      entities.length = MAX_DUCKLING_ENTITIES;
      context.header(TRUNCATED_HEADER, "true");
    }
    // With a status, Hono's json() takes a type with an `unknown` in it (DurationValue's unit key).
    return context.json(inCodePoints(request.text, entities), 200);
  });
  routes.all(DUCKLING_PATH, methodNotAllowed("POST"));
  return routes;
}

/** The body as an object of fields: JSON as sent, a form as its fields (each at most once). */
async function readFields(request: Request): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (JSON_CONTENT_TYPE.test(contentType)) return readJsonBody(request);
  const body = await readBodyText(request);
  if (!FORM_CONTENT_TYPE.test(contentType)) {
    throw new ApiError(
      "unsupported_media_type",
      "Send the body as application/x-www-form-urlencoded or application/json.",
    );
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    if (Object.hasOwn(fields, name)) throw new ApiError("invalid_request", `Field given twice: ${name}.`);
    fields[name] = value;
  }
  return fields;
}

/** Like Duckling, no list (null) or an empty one means every dimension; unknown names are dropped. */
function answeredDims(requested: readonly string[] | null | undefined): readonly DucklingDim[] {
  if (requested === undefined || requested === null || requested.length === 0) return ANSWERED_DIMS;
  return ANSWERED_DIMS.filter((dim) => requested.includes(dim));
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Entities with `start` and `end` counted in code points, as Duckling (Haskell's Text) and its Python
 * clients count them: an emoji before a match is one position, not two. Texts without astral characters
 * are answered as they are.
 */
export function inCodePoints(text: string, entities: DucklingEntity[]): DucklingEntity[] {
  if (!SURROGATE.test(text)) return entities;
  const position = (index: number) => [...text.slice(0, index)].length;
  return entities.map((entity) => ({ ...entity, start: position(entity.start), end: position(entity.end) }));
}
