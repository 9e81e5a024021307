// `"explain": true` over every golden case (fixtures/golden, conversations, intents, rules and the SGD
// dialogues): the answer minus its `explanation` is the answer without `explain`, byte for byte; the
// confidence steps end at the answer's confidence; every span's text is the sent text under its code-point
// offsets, in the message it names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { type ParseResponse, ParseResponseSchema } from "../src/http/schemas/parse.js";
import { parseAppointment } from "../src/service.js";
import { type GoldenStore, openGoldenStore } from "../tools/golden/calendars.js";
import { DEFAULT_GOLDEN_PATHS, loadGoldenFiles, SGD_DIRECTORY } from "../tools/golden/fixtures.js";
import { requestFor } from "../tools/golden/run-cases.js";

const config = readConfig({});
const { cases } = loadGoldenFiles([...DEFAULT_GOLDEN_PATHS, SGD_DIRECTORY]);

/** The agents' timings are the clock's, not the reading's: the only part of two answers allowed to differ. */
function withoutTimings(answer: ParseResponse): string {
  const timingsMs = Object.fromEntries(Object.keys(answer.meta.timingsMs).map((agent) => [agent, 0]));
  return JSON.stringify({ ...answer, meta: { ...answer.meta, timingsMs } });
}

function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join("");
}

describe("explain over every golden case", () => {
  let calendars: GoldenStore;
  beforeAll(async () => {
    calendars = await openGoldenStore();
  });
  afterAll(() => calendars?.close());

  it("leaves the answer as it is, ends the confidence steps at the answer's, and puts spans on the sent words", async () => {
    expect(cases.length).toBeGreaterThan(1000);
    const problems: string[] = [];
    let spans = 0;
    for (const golden of cases) {
      const request = requestFor(golden);
      const options = { config, store: calendars.store, requestId: golden.id };
      const plain = await parseAppointment(request, options);
      const explained = await parseAppointment({ ...request, explain: true }, options);
      expect(plain, golden.id).not.toHaveProperty("explanation");
      const { explanation, ...rest } = ParseResponseSchema.parse(explained);
      if (withoutTimings(rest) !== withoutTimings(plain)) problems.push(`${golden.id}: the answer differs`);
      if (explanation === undefined) {
        problems.push(`${golden.id}: no explanation`);
        continue;
      }
      if (explanation.confidence.at(-1)?.value !== explained.confidence) {
        problems.push(`${golden.id}: the confidence steps end at ${explanation.confidence.at(-1)?.value}`);
      }
      const texts = request.messages?.map((message) => message.content) ?? [request.text ?? ""];
      for (const span of [...explanation.spans, ...explanation.dropped]) {
        spans++;
        if ((span.message === undefined) !== (request.messages === undefined)) {
          problems.push(`${golden.id}: ${span.field} has message ${span.message}`);
        }
        const words = codePointSlice(texts[span.message ?? 0] ?? "", span.start, span.end);
        if (words !== span.text || span.start >= span.end) {
          problems.push(
            `${golden.id}: ${span.field} [${span.start}, ${span.end}) "${span.text}" is "${words}"`,
          );
        }
      }
    }
    expect(problems.slice(0, 20), problems.join("\n")).toEqual([]);
    expect(spans).toBeGreaterThan(cases.length);
  }, 300_000);
});
