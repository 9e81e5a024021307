// Command-line arguments of `npm run duckling`.
import { parseArgs } from "node:util";
import type { FailureLimit } from "./report.js";

export const USAGE = `Usage: npm run duckling -- [--lang es|en] [--failures N|all] [--json FILE]

  --lang es|en       score one language only (default: every language of the corpus)
  --failures N|all   failures to list per language (default 40; 0 lists none)
  --json FILE        also write every figure and failure to FILE as JSON`;

export const DEFAULT_FAILURE_LIMIT = 40;
const LANGUAGES = ["es", "en"];

export interface DucklingArguments {
  language: string | null;
  failures: FailureLimit;
  json: string | null;
  help: boolean;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseArguments(args: readonly string[]): DucklingArguments {
  let values: ReturnType<typeof parse>["values"];
  try {
    ({ values } = parse(args));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.lang !== undefined && !LANGUAGES.includes(values.lang)) {
    throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")}, got "${values.lang}"`);
  }
  return {
    language: values.lang ?? null,
    failures: values.failures === undefined ? DEFAULT_FAILURE_LIMIT : failureLimit(values.failures),
    json: values.json ?? null,
    help: values.help ?? false,
  };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      lang: { type: "string" },
      failures: { type: "string" },
      json: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function failureLimit(value: string): FailureLimit {
  if (value === "all") return "all";
  if (!/^\d{1,6}$/.test(value))
    throw new UsageError(`--failures must be a whole number or "all", got "${value}"`);
  return Number(value);
}
