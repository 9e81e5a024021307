// Golden fixtures: JSON Lines files read into validated cases, with every bad line reported as file:line.
// The request part is checked with the HTTP contract's own schema, so a case can never send what the
// service would refuse: a single `text` or a conversation (`messages`), exactly one of the two.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { AmbiguitySchema, ParseRequestFields, ParseResponseSchema } from "../../src/http/schemas/parse.js";
import { readCaseLines } from "../../src/web/public/static/golden/lines.js";

const OFFSET_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");
const TimeSchema = z.string().regex(/^\d{2}:\d{2}$/, "must be HH:MM");
const NameSchema = z.string().min(1);

const ExpectSchema = z.strictObject({
  contact: NameSchema.nullable().optional(),
  service: NameSchema.nullable().optional(),
  location: NameSchema.nullable().optional(),
  date: DateSchema.nullable().optional(),
  time: TimeSchema.nullable().optional(),
  start: z.string().regex(OFFSET_INSTANT, "must be ISO-8601 with an offset").nullable().optional(),
  durationMinutes: z.number().int().positive().nullable().optional(),
  status: ParseResponseSchema.shape.status.optional(),
  intent: ParseResponseSchema.shape.intent.optional(),
  /** The appointment a reschedule or cancel names; `null` when the answer must have none. */
  previous: z
    .strictObject({
      date: DateSchema.nullable(),
      time: TimeSchema.nullable(),
      contact: NameSchema.nullable(),
    })
    .partial()
    .refine((previous) => Object.keys(previous).length > 0, "name at least one of date, time, contact")
    .nullable()
    .optional(),
});

const GoldenCaseSchema = ParseRequestFields.pick({
  text: true,
  messages: true,
  locale: true,
  timezone: true,
  now: true,
  calendarId: true,
})
  .extend({
    id: z.string().min(1),
    expect: ExpectSchema,
    tags: z.array(z.string().min(1)).optional(),
    ambiguity: AmbiguitySchema.shape.field.optional(),
    mustFlag: AmbiguitySchema.shape.issue.optional(),
  })
  .refine((value) => (value.text === undefined) !== (value.messages === undefined), {
    path: ["text"],
    message: "give exactly one of text and messages",
  })
  .refine(
    (value) => Object.keys(value.expect).length > 0 || value.ambiguity !== undefined || value.mustFlag,
    "the case checks nothing: give expect fields, ambiguity or mustFlag",
  );

export type GoldenCase = z.infer<typeof GoldenCaseSchema>;
export type Expectations = z.infer<typeof ExpectSchema>;
export type ExpectedField = keyof Expectations;

/** A case with the place it was read from. */
export type LoadedCase = GoldenCase & { file: string; line: number };

export interface FixtureProblem {
  file: string;
  line: number;
  message: string;
}

export interface LoadedFixtures {
  cases: LoadedCase[];
  problems: FixtureProblem[];
}

export const DEFAULT_GOLDEN_DIRECTORY = fileURLToPath(new URL("../../fixtures/golden", import.meta.url));
/** Conversation cases (`messages`) and single-text intent cases, gated in `npm test` like the golden set. */
export const CONVERSATION_DIRECTORY = fileURLToPath(new URL("../../fixtures/conversations", import.meta.url));
export const INTENT_DIRECTORY = fileURLToPath(new URL("../../fixtures/intents", import.meta.url));
/** Rules 17–28 as people type them (issue 15): one file per rule, gated in `npm test` at today's figure. */
export const RULES_DIRECTORY = fileURLToPath(new URL("../../fixtures/rules", import.meta.url));
/** What `npm run golden` runs with no file named: single texts, conversations, intents and rules 17–28. */
export const DEFAULT_GOLDEN_PATHS = [
  DEFAULT_GOLDEN_DIRECTORY,
  CONVERSATION_DIRECTORY,
  INTENT_DIRECTORY,
  RULES_DIRECTORY,
];
/** The SGD train conversations: a development benchmark (`npm run golden:sgd`), not a gate. */
export const SGD_DIRECTORY = fileURLToPath(new URL("../../fixtures/sgd", import.meta.url));

/** Expands directories to the `*.jsonl` files inside them, in name order. */
export function expandPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith(".jsonl"))
          .sort()
          .map((name) => join(path, name))
      : [path],
  );
}

export function loadGoldenFiles(paths: readonly string[]): LoadedFixtures {
  const cases: LoadedCase[] = [];
  const problems: FixtureProblem[] = [];
  const seen = new Map<string, string>();
  for (const path of expandPaths(paths)) {
    const inside = relative(process.cwd(), path);
    const file = inside === "" || inside.startsWith("..") || isAbsolute(inside) ? path : inside;
    const read = readCaseLines(readFileSync(path, "utf8"), file, seen, parseLine);
    cases.push(...read.cases);
    problems.push(...read.problems);
  }
  return { cases, problems };
}

/** The case, or a message saying why the line is not one. */
export function parseLine(content: string): GoldenCase | string {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    return `invalid JSON: ${(error as Error).message}`;
  }
  const result = GoldenCaseSchema.safeParse(value);
  if (result.success) return result.data;
  return result.error.issues
    .map((issue) => {
      const where = issue.path.join(".") || "case";
      const keys = issue.code === "unrecognized_keys" ? ` (${issue.keys.join(", ")})` : "";
      return `${where}: ${issue.message}${keys}`;
    })
    .join("; ");
}
