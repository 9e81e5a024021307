// Reads the project's import graph from source text, for the reachability test: which of our files a file
// imports, following relative specifiers only (packages are not ours to reach). Static imports, re-exports,
// type-only imports and dynamic `import()` (type positions included) all count as edges. The patterns are
// anchored at the start of a line, so an import quoted in a comment or a string is not read as one; a
// specifier resolves the way TypeScript's bundler resolution does for this tree: `.js` names its `.ts`, a
// bare path takes `.ts` or a folder's `index.ts`.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** `import … from "x"`, `import "x"`, `export … from "x"` (a clause of names, braces, `*`, commas). */
const STATIC_IMPORT = /^[ \t]*(?:import|export)(?:[\w$*{}\s,]*?\bfrom)?\s*["']([^"']+)["']/gm;
/** `import("x")`, a dynamic import or a type query (`typeof import("x")`). */
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

export interface FileImports {
  /** Absolute paths of the files imported. */
  resolved: string[];
  /** Relative specifiers that name no file (a broken import, or a form this reader does not know). */
  unresolved: string[];
}

export function specifiersOf(source: string): string[] {
  const found = [...source.matchAll(STATIC_IMPORT), ...source.matchAll(DYNAMIC_IMPORT)];
  return [...new Set(found.map((match) => match[1]!))];
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** The file a relative specifier names from `importer`, or null when there is none. */
export function resolveSpecifier(importer: string, specifier: string): string | null {
  const target = resolve(dirname(importer), specifier);
  const candidates = [
    target.replace(/\.js$/, ".ts").replace(/\.mjs$/, ".mts"),
    target,
    `${target}.ts`,
    `${target}/index.ts`,
  ];
  return candidates.find(isFile) ?? null;
}

export function importsOf(file: string): FileImports {
  const imports: FileImports = { resolved: [], unresolved: [] };
  for (const specifier of specifiersOf(readFileSync(file, "utf8"))) {
    if (!specifier.startsWith(".")) continue;
    const target = resolveSpecifier(file, specifier);
    if (target === null) imports.unresolved.push(specifier);
    else imports.resolved.push(target);
  }
  return imports;
}

/** Every file reached from the entries (themselves included), and the imports that named no file. */
export function reachableFrom(entries: readonly string[]): { files: Set<string>; unresolved: string[] } {
  const files = new Set<string>();
  const unresolved: string[] = [];
  const pending = entries.map((entry) => resolve(entry));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    // Only our TypeScript is read for further imports; a JSON or text file is a leaf.
    if (!/\.m?ts$/.test(file)) continue;
    const imports = importsOf(file);
    unresolved.push(...imports.unresolved.map((specifier) => `${file}: ${specifier}`));
    pending.push(...imports.resolved);
  }
  return { files, unresolved };
}
