import { describe, expect, it } from "vitest";
import type { DucklingEntity, DucklingOptions } from "../../src/temporal/duckling/types.js";
import { type CorpusLine, parseCorpusFile } from "./corpus.js";
import { figuresJson, formatFailures, formatLanguage } from "./report.js";
import { CORPUS_ZONE, type Engine, runLine, scoreCorpus } from "./score.js";

const REF = "2013-02-12T04:30:00.000-02:00";

function corpus(...lines: object[]): CorpusLine[] {
  const content = lines.map((line) => JSON.stringify({ locale: "en", ref: REF, ...line })).join("\n");
  return parseCorpusFile(content, "test.jsonl");
}

/** An engine that knows one phrase: "friday" as 2013-02-15 (day). */
const fridayOnly: Engine = (text) => {
  const start = text.indexOf("friday");
  if (start < 0) return [];
  const instant = { value: "2013-02-15T00:00:00.000-02:00", grain: "day" as const };
  const entity: DucklingEntity = {
    body: "friday",
    start,
    end: start + 6,
    dim: "time",
    latent: false,
    value: { type: "value", ...instant, values: [{ type: "value", ...instant }] },
  };
  return [entity];
};

const friday = { type: "value", value: "2013-02-15T00:00:00.000-02:00", grain: "day" };
const lines = corpus(
  { lang: "en", text: "friday", expected: friday },
  { lang: "en", text: "on friday", expected: friday, holiday: "Not really" },
  { lang: "en", text: "next week", expected: { ...friday, grain: "week" } },
  {
    lang: "en",
    text: "from 3 to 5pm",
    expected: {
      type: "interval",
      from: { value: "2013-02-12T15:00:00.000-02:00", grain: "hour" },
      to: { value: "2013-02-12T18:00:00.000-02:00", grain: "hour" },
    },
  },
  { lang: "en", text: "laughing out loud", expected: null },
  { lang: "es", locale: "es", text: "el viernes", expected: friday }, // unknown to the engine above
);

describe("scoring the corpus", () => {
  it("asks the engine with the line's locale and reference, the corpus zone, time only, latent as marked", () => {
    const seen: DucklingOptions[] = [];
    runLine(
      corpus({ lang: "es", locale: "es_MX", text: "una hora", expected: friday, latent: true })[0]!,
      (_, options) => {
        seen.push(options);
        return [];
      },
    );
    expect(seen).toEqual([
      { locale: "es_MX", zone: CORPUS_ZONE, reference: Date.parse(REF), latent: true, dims: ["time"] },
    ]);
  });

  it("counts per language, per kind, per grain and holidays, keeping the failures in order", () => {
    const [english, spanish] = scoreCorpus(lines, fridayOnly);
    expect(english).toMatchObject({
      language: "en",
      lines: 5,
      single: { total: 3, passed: 2 },
      interval: { total: 1, passed: 0 },
      negative: { total: 1, passed: 1 },
      holiday: { total: 1, passed: 1 },
      grains: [
        { grain: "hour", total: 1, passed: 0 },
        { grain: "day", total: 2, passed: 2 },
        { grain: "week", total: 1, passed: 0 },
      ],
    });
    expect(english!.failures.map((result) => result.line.text)).toEqual(["next week", "from 3 to 5pm"]);
    expect(spanish).toMatchObject({
      language: "es",
      single: { total: 1, passed: 0 },
      negative: { total: 0 },
    });
  });

  it("counts an engine that throws as a failure with its message", () => {
    const result = runLine(lines[0]!, () => {
      throw new Error("boom");
    });
    expect(result).toMatchObject({ passed: false, best: null, error: "boom" });
  });
});

describe("the report", () => {
  const [english] = scoreCorpus(lines, fridayOnly);

  it("prints the figures and the failures up to the limit", () => {
    const text = formatLanguage(english!, 1);
    expect(text).toMatch(/single values +2 +3 +66\.7%/);
    expect(text).toMatch(/negatives +1 +1 +100\.0%/);
    expect(text).toContain("Failures (1 of 2)");
    expect(text).toContain('✗ "next week"  test.jsonl:3');
    expect(text).toContain("expected 2013-02-15T00:00:00.000-02:00 (week)");
    expect(text).toContain("got      nothing");
    expect(formatLanguage(english!, 0)).not.toContain("Failures");
    expect(formatFailures(english!.failures, "all")).toContain("Failures (2)");
  });

  it("writes every figure and failure as JSON", () => {
    const json = figuresJson([english!]) as {
      languages: Record<string, { single: unknown; failures: unknown[] }>;
    };
    expect(json.languages.en!.single).toEqual({ total: 3, passed: 2, rate: 2 / 3 });
    expect(json.languages.en!.failures).toHaveLength(2);
  });
});
