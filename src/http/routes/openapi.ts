// GET /openapi.json: the document generated from the schemas (src/http/openapi.ts), built on the first
// request rather than at start, which a Workers isolate would pay for on every cold start.
import { Hono } from "hono";
import type { AppEnv } from "../env.js";
import { buildOpenApiDocument } from "../openapi.js";

export function openApiRoutes(options: { version: string }): Hono<AppEnv> {
  let document: Record<string, unknown> | undefined;
  return new Hono<AppEnv>().get("/openapi.json", (context) => {
    document ??= buildOpenApiDocument(options.version);
    return context.json(document);
  });
}
