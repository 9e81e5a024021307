// Scores the temporal engine on Duckling's corpora: each line through parseDuckling with the line's reference
// instant in Etc/GMT+2 (the corpus's fixed −02:00), then accuracy per language, per kind and per grain.
import { parseDuckling } from "../../src/temporal/duckling/engine.js";
import type { DucklingEntity, DucklingOptions } from "../../src/temporal/duckling/types.js";
import { type CorpusLine, type Grain, holidayOf } from "./corpus.js";
import { epochMilliseconds } from "./instant.js";
import { bestEntity, matchesExpected } from "./match.js";

export const CORPUS_ZONE = "Etc/GMT+2";
export const GRAIN_ORDER: readonly Grain[] = [
  "second",
  "minute",
  "hour",
  "day",
  "week",
  "month",
  "quarter",
  "year",
];

export type Engine = (text: string, options: DucklingOptions) => DucklingEntity[];
export type LineKind = "single" | "interval" | "negative";

export interface LineResult {
  line: CorpusLine;
  kind: LineKind;
  /** The expected value's grain, or the interval's from-grain (its to-grain when open before). */
  grain: Grain | null;
  passed: boolean;
  best: DucklingEntity | null;
  /** The engine threw: the message, counted as a failure. */
  error?: string;
}

export interface Tally {
  total: number;
  passed: number;
}

export interface LanguageFigures {
  language: string;
  lines: number;
  single: Tally;
  interval: Tally;
  negative: Tally;
  holiday: Tally;
  /** Per grain in GRAIN_ORDER, grains that occur only. */
  grains: (Tally & { grain: Grain })[];
  /** Failed lines in corpus order. */
  failures: LineResult[];
}

export function runLine(line: CorpusLine, engine: Engine = parseDuckling): LineResult {
  const kind = kindOf(line);
  const grain = grainOf(line);
  try {
    const entities = engine(line.text, {
      locale: line.locale,
      zone: CORPUS_ZONE,
      reference: epochMilliseconds(line.ref)!,
      latent: line.latent ?? false,
      dims: ["time"],
    });
    const best = bestEntity(entities);
    return { line, kind, grain, passed: matchesExpected(line.expected, best), best };
  } catch (error) {
    return { line, kind, grain, passed: false, best: null, error: (error as Error).message };
  }
}

export function kindOf(line: CorpusLine): LineKind {
  if (line.expected === null) return "negative";
  return line.expected.type === "value" ? "single" : "interval";
}

export function grainOf(line: CorpusLine): Grain | null {
  const expected = line.expected;
  if (expected === null) return null;
  if (expected.type === "value") return expected.grain;
  return expected.from?.grain ?? expected.to?.grain ?? expected.grain ?? null;
}

/** Figures per language, in the order the languages first appear in the results. */
export function summarize(results: readonly LineResult[]): LanguageFigures[] {
  const languages = [...new Set(results.map((result) => result.line.lang))];
  return languages.map((language) =>
    summarizeLanguage(
      language,
      results.filter((result) => result.line.lang === language),
    ),
  );
}

export function summarizeLanguage(language: string, results: readonly LineResult[]): LanguageFigures {
  const count = (selected: readonly LineResult[]): Tally => ({
    total: selected.length,
    passed: selected.filter((result) => result.passed).length,
  });
  const ofKind = (kind: LineKind) => results.filter((result) => result.kind === kind);
  const grains = GRAIN_ORDER.map((grain) => ({
    grain,
    ...count(results.filter((result) => result.grain === grain)),
  })).filter((tally) => tally.total > 0);
  return {
    language,
    lines: results.length,
    single: count(ofKind("single")),
    interval: count(ofKind("interval")),
    negative: count(ofKind("negative")),
    holiday: count(results.filter((result) => holidayOf(result.line) !== undefined)),
    grains,
    failures: results.filter((result) => !result.passed),
  };
}

/** passed / total, or null when there is nothing to count. */
export function rate(tally: Tally): number | null {
  return tally.total === 0 ? null : tally.passed / tally.total;
}

export function scoreCorpus(lines: readonly CorpusLine[], engine: Engine = parseDuckling): LanguageFigures[] {
  return summarize(lines.map((line) => runLine(line, engine)));
}
