// GET /openapi.json as the app serves it: a valid OpenAPI 3.0 document (swagger-parser), clean under
// redocly's recommended rules, with every route documented and no null the document would refuse.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { loggedApp } from "../../test/support/parse-requests.js";
import { createApp } from "../app.js";
import { readConfig } from "../config.js";
import { DROP_REASONS, EXPLAINED_FIELDS } from "../explanation/notes.js";
import { PAGE_PATHS } from "../web/routes.js";

type Document = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

async function servedDocument(): Promise<Document> {
  const app = createApp({ config: readConfig({}) });
  const response = await app.request("/openapi.json");
  expect(response.status).toBe(200);
  return (await response.json()) as Document;
}

/** Every object in the document with its JSON pointer. */
function* objects(node: unknown, at = "#"): Generator<[string, Record<string, unknown>]> {
  if (node === null || typeof node !== "object") return;
  yield [at, node as Record<string, unknown>];
  for (const [key, value] of Object.entries(node)) yield* objects(value, `${at}/${key}`);
}

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { pointer: string }[];
}

/** Runs redocly's CLI (bundled, offline) with its recommended rules on a file; its JSON report. */
function redoclyLint(file: string): {
  totals: { errors: number; warnings: number };
  problems: LintProblem[];
} {
  const require = createRequire(import.meta.url);
  const cliPackage = require.resolve("@redocly/cli/package.json");
  const bin = (JSON.parse(readFileSync(cliPackage, "utf8")) as { bin: { redocly: string } }).bin.redocly;
  const run = spawnSync(
    process.execPath,
    [join(dirname(cliPackage), bin), "lint", "--extends", "recommended", "--format", "json", file],
    {
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      timeout: 60_000,
    },
  );
  expect(run.stdout, run.stderr).toMatch(/^\s*\{/);
  return JSON.parse(run.stdout);
}

describe("the served OpenAPI document", () => {
  it("has no error under redocly's recommended rules", async () => {
    const directory = mkdtempSync(join(tmpdir(), "cita-openapi-"));
    try {
      const file = join(directory, "openapi.json");
      writeFileSync(file, JSON.stringify(await servedDocument()));
      const report = redoclyLint(file);
      const describe = (problem: LintProblem) =>
        `${problem.ruleId} ${problem.location[0]?.pointer}: ${problem.message}`;
      expect(report.problems.filter((problem) => problem.severity === "error").map(describe)).toEqual([]);
      expect(report.totals.errors).toBe(0);
      // The only warnings: these GET routes never answer 4xx (any other method is the app's 404).
      expect(report.problems.map(describe).sort()).toEqual(
        ["/health", "/openapi.json"].map(
          (path) =>
            `operation-4xx-response #/paths/${path.replaceAll("/", "~1")}/get/responses: Operation must have at least one \`4XX\` response.`,
        ),
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);

  it("writes every nullable schema with a type beside it, so OpenAPI 3.0 tools honour the null", async () => {
    const document = await servedDocument();
    const nullable = [...objects(document)].filter(([, object]) => object.nullable === true);
    expect(nullable.length).toBeGreaterThan(10);
    for (const [at, object] of nullable) {
      expect(object.type, at).toBeTypeOf("string");
      expect(object.allOf ?? object.oneOf ?? object.anyOf ?? object.$ref, at).toBeUndefined();
    }
  });

  it("lets appointment.location be null or a place", async () => {
    const document = await servedDocument();
    const components = (document.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const appointment = (components.ParseResponse!.properties as Record<string, Record<string, unknown>>)
      .appointment!;
    const location = (appointment.properties as Record<string, Record<string, unknown>>).location!;
    expect(location).toMatchObject({
      type: "object",
      nullable: true,
      title: "Location",
      additionalProperties: false,
    });
    expect(location.required).toEqual(["text"]);
    expect(Object.keys(location.properties as object).sort()).toEqual([
      "city",
      "country",
      "lat",
      "lon",
      "name",
      "text",
      "timezone",
    ]);
  });

  it("documents /metrics as Prometheus text", async () => {
    const { paths } = await servedDocument();
    const get = paths["/metrics"]!.get as { responses: Record<string, { content: Record<string, unknown> }> };
    expect(Object.keys(get.responses["200"]!.content)).toEqual(["text/plain"]);
  });

  it("says which credential each route takes, with 401 and 403 where a key is needed", async () => {
    const { paths, components } = (await servedDocument()) as Document & {
      components: {
        securitySchemes: Record<string, unknown>;
        schemas: Record<string, { properties: object }>;
      };
    };
    expect(Object.keys(components.securitySchemes).sort()).toEqual([
      "adminToken",
      "bookingToken",
      "clientKey",
      "metricsToken",
    ]);
    const operation = (path: string, method: string) =>
      paths[path]?.[method] as { security: object[]; responses: Record<string, unknown> };
    const keyed = [
      ["/v1/appointments/parse", "post"],
      ["/parse", "post"],
      ["/v1/calendars/{id}/bookings", "post"],
      ["/v1/calendars/{id}", "get"],
      ["/v1/calendars/{id}/availability", "get"],
    ];
    for (const [path, method] of keyed) {
      const { security, responses } = operation(path as string, method as string);
      expect(security, path).toEqual([{ clientKey: [] }, {}]);
      expect(Object.keys(responses), path).toEqual(expect.arrayContaining(["401", "403"]));
    }
    expect(operation("/v1/calendars/{id}", "put").security).toEqual([{ adminToken: [] }, { clientKey: [] }]);
    for (const method of ["get", "delete"]) {
      expect(operation("/v1/calendars/{id}/bookings/{bookingId}", method).security).toContainEqual({
        bookingToken: [],
      });
    }
    for (const [path, method] of [
      ["/admin/keys", "post"],
      ["/admin/keys", "get"],
      ["/admin/keys/{keyId}", "delete"],
    ]) {
      expect(operation(path as string, method as string).security).toEqual([{ adminToken: [] }]);
    }
    expect(Object.keys(components.schemas.CreatedBooking?.properties ?? {})).toEqual([
      "booking",
      "bookingToken",
    ]);
    expect(Object.keys(components.schemas.Booking?.properties ?? {})).toEqual(
      expect.arrayContaining(["notes", "cancelledBy", "cancelledAt"]),
    );
    expect(Object.keys(components.schemas.CreatedClientKey?.properties ?? {})).toEqual(["key", "secret"]);
  });

  it("documents every route the app answers, and no other", async () => {
    const app = createApp({ config: readConfig({}) });
    const { paths } = await servedDocument();
    const documented = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== "parameters")
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    // The console's pages are HTML for people (src/web), not the API.
    const pages = new Set<string>(PAGE_PATHS);
    const served = app.routes
      .filter((route) => route.method !== "ALL" && !(route.method === "GET" && pages.has(route.path)))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
    expect([...new Set(served)].sort()).toEqual(documented.sort());
  });
});

describe("GET /openapi.json", () => {
  const { app } = loggedApp();

  async function fetchDocument(): Promise<Record<string, unknown>> {
    const response = await app.request("/openapi.json");
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  /** Follows a local JSON pointer such as #/components/schemas/ParseRequest. */
  function resolvePointer(document: unknown, pointer: string): unknown {
    expect(pointer.startsWith("#/")).toBe(true);
    let node: unknown = document;
    for (const token of pointer.slice(2).split("/")) {
      const key = token.replaceAll("~1", "/").replaceAll("~0", "~");
      if (node === null || typeof node !== "object" || !(key in node)) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  }

  function collectReferences(node: unknown, found: string[] = []): string[] {
    if (Array.isArray(node)) {
      for (const item of node) collectReferences(item, found);
    } else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string") found.push(value);
        else collectReferences(value, found);
      }
    }
    return found;
  }

  it("is an OpenAPI 3 document with the parse route", async () => {
    const document = await fetchDocument();
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document).toHaveProperty("info.title");
    expect(document).toHaveProperty("info.version");
    const paths = document.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(["/v1/appointments/parse", "/health", "/openapi.json"]),
    );
    const post = paths["/v1/appointments/parse"]!.post as Record<string, unknown>;
    expect(Object.keys(post.responses as object)).toEqual(
      expect.arrayContaining(["200", "400", "413", "415", "503"]),
    );
  });

  it("describes the request with exactly the contract's fields and additionalProperties false", async () => {
    const document = await fetchDocument();
    const reference = resolvePointer(
      document,
      "#/paths/~1v1~1appointments~1parse/post/requestBody/content/application~1json/schema",
    ) as Record<string, unknown>;
    const schema = (
      typeof reference.$ref === "string" ? resolvePointer(document, reference.$ref) : reference
    ) as Record<string, unknown>;
    expect(schema).toBeDefined();
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as object).sort()).toEqual(
      ["calendarId", "explain", "locale", "messages", "mode", "now", "text", "timezone"].sort(),
    );
    expect(resolvePointer(schema, "#/properties/explain/type")).toBe("boolean");
    // Exactly one of the two request forms.
    expect(schema.required).toBeUndefined();
    expect(schema.oneOf).toEqual([{ required: ["text"] }, { required: ["messages"] }]);
    const message = resolvePointer(document, "#/components/schemas/Message") as Record<string, unknown>;
    expect(resolvePointer(message, "#/properties/role/enum")).toEqual(["user", "assistant"]);
    expect(message.additionalProperties).toBe(false);
    expect(resolvePointer(schema, "#/properties/mode/enum")).toEqual(["auto", "rules", "llm"]);
  });

  it("documents the optional explanation: spans, readings set aside with their reasons, confidence steps", async () => {
    const document = await fetchDocument();
    const response = resolvePointer(document, "#/components/schemas/ParseResponse") as Record<
      string,
      unknown
    >;
    expect(response.required).not.toContain("explanation");
    type Schema = Record<string, unknown>;
    const explanation = resolvePointer(response, "#/properties/explanation") as Schema;
    expect(resolvePointer(explanation, "#/properties/dropped/items/$ref")).toBe(
      "#/components/schemas/DroppedReading",
    );
    expect(explanation.required).toEqual(["spans", "dropped", "confidence"]);
    const dropped = resolvePointer(document, "#/components/schemas/DroppedReading") as Record<
      string,
      unknown
    >;
    expect(resolvePointer(dropped, "#/properties/reason/enum")).toEqual([...DROP_REASONS]);
    expect(dropped.required).toEqual(["field", "start", "end", "text", "reason", "detail"]);
    const span = resolvePointer(document, "#/components/schemas/ExplainedSpan") as Record<string, unknown>;
    expect(resolvePointer(span, "#/properties/field/enum")).toEqual([...EXPLAINED_FIELDS]);
  });

  it("resolves every $ref inside the document", async () => {
    const document = await fetchDocument();
    const references = collectReferences(document);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(resolvePointer(document, reference), reference).toBeDefined();
    }
  });

  it("passes swagger-parser's OpenAPI validation", async () => {
    const document = await fetchDocument();
    // validate() dereferences in place, hence the copy; its OpenAPI.Document type comes from a peer package.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });
});
