import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CorpusError, holidayOf, loadCorpus, parseCorpusFile } from "./corpus.js";

const REF = "2013-02-12T04:30:00.000-02:00";

describe("the Duckling corpus", () => {
  it("reads every line of the shared corpus, holidays and negatives included", () => {
    const lines = loadCorpus();
    expect(new Set(lines.map((line) => line.lang))).toEqual(new Set(["es", "en"]));
    expect(lines.some((line) => line.expected === null)).toBe(true);
    expect(lines.some((line) => holidayOf(line) !== undefined)).toBe(true);
    expect(lines[0]!.place).toMatch(/^\w+\.jsonl:1$/);
  });

  it("names the file and line of a line that is not the documented shape", () => {
    const good = JSON.stringify({ lang: "es", locale: "es", text: "ya", expected: null, ref: REF });
    const badValue = JSON.stringify({
      lang: "es",
      locale: "es",
      text: "ya",
      expected: { type: "value", value: "soon", grain: "second" },
      ref: REF,
    });
    expect(parseCorpusFile(`${good}\n\n`, "es.jsonl")).toHaveLength(1);
    expect(() => parseCorpusFile(`${good}\n${badValue}\n`, "es.jsonl")).toThrow(
      /^es\.jsonl:2: expected\.value/,
    );
    expect(() => parseCorpusFile("{oops", "en.jsonl")).toThrow(CorpusError);
  });

  it("refuses a directory that cannot be read or holds no corpus", () => {
    const empty = mkdtempSync(join(tmpdir(), "duckling-"));
    try {
      expect(() => loadCorpus(empty)).toThrow(/no \*\.jsonl/);
      expect(() => loadCorpus(join(empty, "missing"))).toThrow(CorpusError);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});
