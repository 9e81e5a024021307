// Command-line arguments of `npm run golden`.
import { parseArgs } from "node:util";
import { DEFAULT_GOLDEN_DIRECTORY } from "./fixtures.js";

export const USAGE = `Usage: npm run golden -- [FILE|DIRECTORY…] [--url URL] [--junit FILE] [--min FRACTION]

  FILE…           golden JSON Lines files or directories of them (default: fixtures/golden/*.jsonl)
  --url URL       POST each case to URL/v1/appointments/parse instead of running the service in process
  --junit FILE    also write a JUnit XML report to FILE
  --min FRACTION  fail (exit 1) when the exact-match rate is below FRACTION, e.g. 0.95`;

export interface GoldenArguments {
  paths: string[];
  url: string | null;
  junit: string | null;
  min: number | null;
  help: boolean;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseArguments(args: readonly string[]): GoldenArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  return {
    paths: positionals.length > 0 ? positionals : [DEFAULT_GOLDEN_DIRECTORY],
    url: values.url === undefined ? null : checkedUrl(values.url),
    junit: values.junit ?? null,
    min: values.min === undefined ? null : checkedFraction(values.min),
    help: values.help ?? false,
  };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: "string" },
      junit: { type: "string" },
      min: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function checkedUrl(value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new UsageError(`--url must be an http(s) URL, got "${value}"`);
  }
  return value;
}

function checkedFraction(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`--min must be a fraction between 0 and 1, got "${value}"`);
  }
  return number;
}
