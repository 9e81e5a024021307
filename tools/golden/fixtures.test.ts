import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGoldenFiles, parseLine } from "./fixtures.js";

const valid = {
  id: "es-001",
  text: "cita mañana 10am con Dr. Pérez",
  locale: "es",
  timezone: "America/Mexico_City",
  now: "2026-01-22T10:30:00-06:00",
  expect: { contact: "Dr. Pérez", date: "2026-01-23", time: "10:00" },
  tags: ["relative-date", "title"],
};

function lineWith(changes: Record<string, unknown>): string {
  return JSON.stringify({ ...valid, ...changes });
}

describe("parseLine", () => {
  it("reads the format's example", () => {
    expect(parseLine(JSON.stringify(valid))).toEqual(valid);
  });

  it("accepts a case that only checks an ambiguity", () => {
    expect(parseLine(lineWith({ expect: {}, ambiguity: "time" }))).toMatchObject({ ambiguity: "time" });
  });

  it.each([
    ["bad JSON", "{not json", /invalid JSON/],
    ["a missing id", JSON.stringify({ ...valid, id: undefined }), /^id:/],
    ["a missing text", JSON.stringify({ ...valid, text: undefined }), /^text:/],
    ["a missing expect", JSON.stringify({ ...valid, expect: undefined }), /^expect:/],
    ["an unknown expect field", lineWith({ expect: { duration: 30 } }), /duration/],
    ["an unknown case field", lineWith({ mustflag: "past" }), /mustflag/],
    ["a malformed date", lineWith({ expect: { date: "23/01/2026" } }), /^expect\.date:/],
    ["a start without offset", lineWith({ expect: { start: "2026-01-23T10:00:00" } }), /^expect\.start:/],
    ["an unknown issue", lineWith({ mustFlag: "late" }), /^mustFlag:/],
    ["a zone that is not IANA", lineWith({ timezone: "Mars/Olympus" }), /^timezone:/],
    ["a case that checks nothing", lineWith({ expect: {} }), /checks nothing/],
  ])("rejects %s", (_, line, message) => {
    expect(parseLine(line)).toMatch(message);
  });
});

describe("loadGoldenFiles", () => {
  it("reports bad lines and duplicate ids with file and line, keeping the good cases", () => {
    const directory = mkdtempSync(join(tmpdir(), "golden-"));
    const first = join(directory, "a.jsonl");
    writeFileSync(first, `${JSON.stringify(valid)}\n\n{oops\n`);
    writeFileSync(
      join(directory, "b.jsonl"),
      `${lineWith({ text: "otra cita" })}\n${lineWith({ id: "es-002" })}\n`,
    );
    writeFileSync(join(directory, "notes.txt"), "not a fixture");

    const { cases, problems } = loadGoldenFiles([directory]);

    expect(cases.map((loaded) => [loaded.id, loaded.line])).toEqual([
      ["es-001", 1],
      ["es-002", 2],
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ line: 3, message: expect.stringMatching(/invalid JSON/) });
    expect(problems[0]!.file).toMatch(/a\.jsonl$/);
    expect(problems[1]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/duplicate id "es-001".*a\.jsonl:1/),
    });
  });
});
