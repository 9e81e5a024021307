// C1: a conversation is read with the same fields, statuses and rules as a single text, so a conversation
// of one user message answers exactly as that message sent as `text` — over every golden single text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { parseAppointment } from "../src/service.js";
import { type GoldenStore, openGoldenStore } from "../tools/golden/calendars.js";
import { DEFAULT_GOLDEN_DIRECTORY, loadGoldenFiles } from "../tools/golden/fixtures.js";

const config = readConfig({});

describe("a one-message conversation reads as its text (C1)", () => {
  const { cases } = loadGoldenFiles([DEFAULT_GOLDEN_DIRECTORY]);
  let calendars: GoldenStore;
  beforeAll(async () => {
    calendars = await openGoldenStore();
  });
  afterAll(() => calendars?.close());

  it("answers every golden text the same either way", async () => {
    const differing: string[] = [];
    for (const golden of cases) {
      const {
        id: _id,
        expect: _expect,
        tags: _tags,
        ambiguity: _ambiguity,
        mustFlag: _mustFlag,
        file: _file,
        line: _line,
        text,
        ...rest
      } = golden;
      const options = { config, store: calendars.store, requestId: golden.id };
      const asText = await parseAppointment({ ...rest, text: text! }, options);
      const asMessages = await parseAppointment(
        { ...rest, messages: [{ role: "user", content: text! }] },
        options,
      );
      const { meta: _textMeta, ...textAnswer } = asText;
      const { meta: _messagesMeta, ...messagesAnswer } = asMessages;
      if (JSON.stringify(textAnswer) !== JSON.stringify(messagesAnswer))
        differing.push(`${golden.id}: ${text}`);
    }
    expect(cases.length).toBeGreaterThan(0);
    expect(differing).toEqual([]);
  }, 120_000);
});
