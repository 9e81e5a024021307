// Duckling's time corpora (fixtures/duckling/README.md, copied from ../shared/data/duckling): one example
// a JSON line, read into typed lines.
// A line that does not have the documented shape is a fault of the data, so reading stops with its place.
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { epochMilliseconds } from "./instant.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DEFAULT_CORPUS_DIRECTORY = join(ROOT, "fixtures", "duckling");

const GrainSchema = z.enum(["second", "minute", "hour", "day", "week", "month", "quarter", "year"]);
const InstantSchema = z.object({
  value: z
    .string()
    .refine((value) => epochMilliseconds(value) !== null, "must be an ISO instant with an offset"),
  grain: GrainSchema,
});

const ExpectedSchema = z.discriminatedUnion("type", [
  InstantSchema.extend({ type: z.literal("value"), holiday: z.string().optional() }),
  z.object({
    type: z.literal("interval"),
    from: InstantSchema.optional(),
    to: InstantSchema.optional(),
    grain: GrainSchema.optional(),
    open: z.enum(["after", "before"]).optional(),
    holiday: z.string().optional(),
  }),
]);

const CorpusLineSchema = z.object({
  lang: z.string().min(2),
  locale: z.string().min(2),
  text: z.string().min(1),
  expected: ExpectedSchema.nullable(),
  ref: z
    .string()
    .refine((value) => epochMilliseconds(value) !== null, "must be an ISO instant with an offset"),
  corpus: z.string().optional(),
  latent: z.boolean().optional(),
  source: z.string().optional(),
  holiday: z.string().optional(),
});

export type Grain = z.infer<typeof GrainSchema>;
export type ExpectedInstant = z.infer<typeof InstantSchema>;
export type Expected = z.infer<typeof ExpectedSchema>;

export interface CorpusLine extends z.infer<typeof CorpusLineSchema> {
  /** File name and line number, for reports: `es.jsonl:12`. */
  place: string;
}

export class CorpusError extends Error {
  override name = "CorpusError";
}

/** Every line of every `*.jsonl` file of the directory, files in name order. */
export function loadCorpus(directory: string = DEFAULT_CORPUS_DIRECTORY): CorpusLine[] {
  let files: string[];
  try {
    files = readdirSync(directory)
      .filter((name) => name.endsWith(".jsonl"))
      .sort();
  } catch (error) {
    throw new CorpusError(`cannot read the corpus directory ${directory}: ${(error as Error).message}`);
  }
  if (files.length === 0) throw new CorpusError(`no *.jsonl file in ${directory}`);
  return files.flatMap((file) =>
    parseCorpusFile(readFileSync(join(directory, file), "utf8"), basename(file)),
  );
}

export function parseCorpusFile(content: string, file: string): CorpusLine[] {
  const lines: CorpusLine[] = [];
  for (const [index, raw] of content.split("\n").entries()) {
    if (raw.trim() === "") continue;
    const place = `${file}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new CorpusError(`${place}: not valid JSON`);
    }
    const result = CorpusLineSchema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new CorpusError(`${place}: ${issue.path.join(".") || "line"}: ${issue.message}`);
    }
    lines.push({ ...result.data, place });
  }
  return lines;
}

/** The holiday a line names, if any (the README puts it in `expected`; a top-level key is read too). */
export function holidayOf(line: CorpusLine): string | undefined {
  return line.expected?.holiday ?? line.holiday;
}
