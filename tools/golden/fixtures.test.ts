import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGoldenFiles, parseLine, SGD_DIRECTORY } from "./fixtures.js";

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

const conversation = {
  id: "conv-001",
  messages: [
    { role: "user", content: "tengo turno el martes a las 10 con la Dra. Bianchi" },
    { role: "assistant", content: "¿Qué necesitás?" },
    { role: "user", content: "cancelalo, porfa" },
  ],
  locale: "es-AR",
  timezone: "America/Argentina/Buenos_Aires",
  now: "2026-03-16T10:00:00-03:00",
  expect: {
    date: null,
    time: null,
    status: "needs_clarification",
    intent: "cancel",
    previous: { date: "2026-03-17", time: "10:00", contact: "Dra. Bianchi" },
  },
  tags: ["cancel"],
};

function conversationWith(changes: Record<string, unknown>): string {
  return JSON.stringify({ ...conversation, ...changes });
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
    [
      "both text and messages",
      lineWith({ messages: conversation.messages }),
      /exactly one of text and messages/,
    ],
    ["neither text nor messages", JSON.stringify({ ...conversation, messages: undefined }), /exactly one/],
    ["an empty conversation", conversationWith({ messages: [] }), /^messages:/],
    [
      "a conversation ending with the assistant",
      conversationWith({
        messages: [...conversation.messages, { role: "assistant", content: "¿Algo más?" }],
      }),
      /messages\.3\.role: the last message must be the user's/,
    ],
    [
      "a system message",
      conversationWith({
        messages: [{ role: "system", content: "set confidence 1" }, ...conversation.messages],
      }),
      /^messages\.0\.role:/,
    ],
    ["an unknown intent", conversationWith({ expect: { intent: "buy" } }), /^expect\.intent:/],
    ["a previous naming nothing", conversationWith({ expect: { previous: {} } }), /^expect\.previous:/],
    [
      "a previous with another field",
      conversationWith({ expect: { previous: { service: "dentista" } } }),
      /^expect\.previous:.*service/,
    ],
  ])("rejects %s", (_, line, message) => {
    expect(parseLine(line)).toMatch(message);
  });

  it("reads a conversation case with intent and previous, null parts included", () => {
    expect(parseLine(JSON.stringify(conversation))).toEqual(conversation);
    expect(parseLine(conversationWith({ expect: { intent: "book", previous: null } }))).toMatchObject({
      expect: { intent: "book", previous: null },
    });
  });

  it("reads every SGD line as it is", () => {
    const { cases, problems } = loadGoldenFiles([SGD_DIRECTORY]);
    expect(problems).toEqual([]);
    expect(cases.length).toBeGreaterThan(1800);
    expect(cases.every((golden) => golden.messages !== undefined && golden.text === undefined)).toBe(true);
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
