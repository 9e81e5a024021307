// Command-line arguments of `npm run golden`.
import { parseArgs } from "node:util";
import { DEFAULT_GOLDEN_PATHS } from "./fixtures.js";

export const USAGE = `Usage: npm run golden -- [FILE|DIRECTORY…] [--url URL [--admin-token TOKEN]] [--junit FILE] [--min FRACTION]
       npm run golden -- --seed-database FILE

  FILE…                 golden JSON Lines files or directories of them (default: fixtures/golden/*.jsonl)
  --url URL             POST each case to URL/v1/appointments/parse instead of running the service in process
  --admin-token TOKEN   with --url: first put fixtures/calendars.json on the server through its API (the
                        server's ADMIN_TOKEN); bookings in the server's past are refused by the API and listed
  --junit FILE          also write a JUnit XML report to FILE
  --min FRACTION        fail (exit 1) when the exact-match rate is below FRACTION, e.g. 0.95
  --failures N          list only the first N failures (default: every one), e.g. over fixtures/sgd
  --seed-database FILE  write fixtures/calendars.json, bookings included, into the SQLite database FILE (a Node
                        server's DATABASE_PATH) and exit; then serve it and run golden with --url`;

export interface GoldenArguments {
  paths: string[];
  url: string | null;
  adminToken: string | null;
  seedDatabase: string | null;
  junit: string | null;
  min: number | null;
  /** How many failures the report lists; null for all. */
  failures: number | null;
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
  if (values["admin-token"] !== undefined && values.url === undefined) {
    throw new UsageError("--admin-token seeds a server's calendars: use it with --url");
  }
  if (values["admin-token"]?.trim() === "") throw new UsageError("--admin-token must not be empty");
  const seedDatabase = values["seed-database"] ?? null;
  if (seedDatabase !== null) {
    const others = [values.url, values.junit, values.min, values.failures, values["admin-token"]].some(
      (value) => value !== undefined,
    );
    if (others || positionals.length > 0) {
      throw new UsageError(
        "--seed-database only seeds the database: run golden again, with --url, to run the cases",
      );
    }
  }
  return {
    paths: positionals.length > 0 ? positionals : DEFAULT_GOLDEN_PATHS,
    url: values.url === undefined ? null : checkedUrl(values.url),
    adminToken: values["admin-token"] ?? null,
    seedDatabase,
    junit: values.junit ?? null,
    min: values.min === undefined ? null : checkedFraction(values.min),
    failures: values.failures === undefined ? null : checkedCount(values.failures),
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
      "admin-token": { type: "string" },
      "seed-database": { type: "string" },
      junit: { type: "string" },
      min: { type: "string" },
      failures: { type: "string" },
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

function checkedCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError(`--failures must be a whole number of failures to list, got "${value}"`);
  }
  return Number(value);
}
