// `src/` (with `agents/` and `prompts/`) holds only what the service runs: every non-test file there must be
// reachable from an entry, src/node.ts or src/worker.ts, through imports (static, dynamic and type-only all
// count). A file nothing reaches is dead code, or a tool living among the service's files (tools/ is its
// place). The import graph is read by test/support/import-graph.ts, whose own cases are at the end.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { reachableFrom, specifiersOf } from "./support/import-graph.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ENTRIES = ["src/node.ts", "src/worker.ts"];
const FOLDERS = ["src", "agents", "prompts"];
/** The console's static files: served as they are (src/web/static-files.ts, Workers Static Assets), not imported. */
const PUBLIC = "src/web/public";
/** Read by tools rather than by a page: Workers' header rules, each vendored file's licence, the client type-check. */
const NOT_SERVED = [/^src\/web\/public\/_headers$/, /\.LICENSE$/, /^src\/web\/tsconfig\.json$/];

function filesUnder(folder: string): string[] {
  return (
    readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
      // A test's file and the snapshots it compares with (vitest's __snapshots__ beside it) belong to the tests.
      .filter(
        (entry) =>
          entry.isFile() && !entry.name.endsWith(".test.ts") && !entry.parentPath.endsWith("__snapshots__"),
      )
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
  );
}

function serviceFiles(): string[] {
  return FOLDERS.flatMap(filesUnder)
    .filter((file) => !file.startsWith(`${PUBLIC}/`) && !NOT_SERVED.some((pattern) => pattern.test(file)))
    .sort();
}

/**
 * The static files some page asks for: every "/static/..." path named in a reached source file, then what
 * those files name in turn (a module's relative imports, a stylesheet's url()s), until nothing new is found.
 */
function servedFiles(sources: Iterable<string>): Set<string> {
  const served = new Set<string>();
  const pending: string[] = [];
  const name = (path: string) => {
    const file = join(PUBLIC, path.split(/[?#]/)[0]!);
    if (served.has(file)) return;
    served.add(file);
    pending.push(file);
  };
  // A quoted /static path: a page's <script> and <link>, or a script that loads another (a classic script).
  const namedPaths = (text: string) => {
    for (const [, path] of text.matchAll(/["'`](\/static\/[\w./-]+)["'`]/g)) name(path!);
  };
  for (const source of sources) namedPaths(readFileSync(source, "utf8"));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (!/\.(js|css)$/.test(file)) continue;
    let text: string;
    try {
      text = readFileSync(join(ROOT, file), "utf8");
    } catch {
      continue;
    }
    namedPaths(text);
    const folder = dirname(file).slice(PUBLIC.length);
    for (const [, path] of text.matchAll(
      /(?:from\s*|import\s*\(?\s*|url\(\s*)["']?(\.{1,2}\/[\w./-]+|\/static\/[\w./-]+)/g,
    )) {
      name(path!.startsWith("/") ? path! : join(folder, path!));
    }
  }
  return served;
}

describe("reachability from the entries", () => {
  const graph = reachableFrom(ENTRIES.map((entry) => join(ROOT, entry)));
  const unreachable = serviceFiles().filter((file) => !graph.files.has(join(ROOT, file)));

  it("reaches every non-test file under src/, agents/ and prompts/", () => {
    expect(unreachable, "reached by no import from src/node.ts or src/worker.ts").toEqual([]);
  });

  it("serves every file under src/web/public: each is named by a page or by a file a page loads", () => {
    const served = servedFiles(graph.files);
    const files = filesUnder(PUBLIC).filter((file) => !NOT_SERVED.some((pattern) => pattern.test(file)));
    expect(
      files.filter((file) => !served.has(file)),
      "named by no page",
    ).toEqual([]);
    expect(
      [...served].filter((file) => !files.includes(file)),
      "named by a page, missing from src/web/public",
    ).toEqual([]);
  });

  it("finds the service's files at all, so an empty answer means something", () => {
    expect(graph.files.size).toBeGreaterThan(100);
  });

  it("resolves every relative import it reads to a file", () => {
    expect(graph.unresolved).toEqual([]);
  });
});

describe("the Workers entry's graph", () => {
  const graph = reachableFrom([join(ROOT, "src/worker.ts")]);

  it("never reaches the Node-only drivers: the Redis shared state and its client stay out of the bundle", () => {
    expect(graph.files.has(join(ROOT, "src/shared/redis-state.ts"))).toBe(false);
    const importers = [...graph.files].filter((file) =>
      specifiersOf(readFileSync(file, "utf8")).some((specifier) => specifier.startsWith("@redis/")),
    );
    expect(importers).toEqual([]);
  });
});

describe("the import-graph reader", () => {
  const fixture = mkdtempSync(join(tmpdir(), "cita-import-graph-"));
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  };

  it("reads static, multi-line, type-only, side-effect, re-export and dynamic imports", () => {
    const source = [
      'import { a } from "./a.js";',
      "import {",
      "  type B,",
      "  b as c,",
      '} from "./b.js";',
      'import type { D } from "./d.js";',
      'import "./e.js";',
      'export * from "./f.js";',
      'export { g, type G } from "./g.js";',
      'import * as h from "node:path";',
      'const i = await import("./i.js");',
      'type J = typeof import("./j.js");',
    ].join("\n");
    expect(specifiersOf(source)).toEqual([
      "./a.js",
      "./b.js",
      "./d.js",
      "./e.js",
      "./f.js",
      "./g.js",
      "node:path",
      "./i.js",
      "./j.js",
    ]);
  });

  it("does not read an import quoted in a comment or a string, or an export of a value", () => {
    const source = [
      '// import { a } from "./commented.js";',
      ' * import "./in-a-doc-comment.js";',
      'const text = "import { b } from \\"./quoted.js\\"";',
      'export const path = "./value.js";',
      "export function from() {}",
    ].join("\n");
    expect(specifiersOf(source)).toEqual([]);
  });

  it("follows .js to .ts, a folder to its index.ts, type-only and dynamic edges, through a cycle", () => {
    write("entry.ts", 'import { a } from "./a.js";\nconst lazy = () => import("./lazy.js");');
    write("a.ts", 'import type { B } from "./types/index.js";\nimport { c } from "./folder";');
    write("types/index.ts", 'import "../a.js";\nexport type B = string;');
    write("folder/index.ts", 'import data from "./data.json" with { type: "json" };\nimport z from "zod";');
    write("folder/data.json", "{}");
    write("lazy.ts", "export const lazy = 1;");
    write("orphan.ts", 'import { a } from "./a.js";');
    write("broken.ts", 'import { gone } from "./gone.js";');
    const { files, unresolved } = reachableFrom([join(fixture, "entry.ts")]);
    expect([...files].map((file) => relative(fixture, file)).sort()).toEqual([
      "a.ts",
      "entry.ts",
      "folder/data.json",
      "folder/index.ts",
      "lazy.ts",
      "types/index.ts",
    ]);
    expect(unresolved).toEqual([]);
    expect(reachableFrom([join(fixture, "broken.ts")]).unresolved).toEqual([
      `${join(fixture, "broken.ts")}: ./gone.js`,
    ]);
  });
});
