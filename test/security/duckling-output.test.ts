// Issue 16, item 6: POST /parse answered every entity it found: 2000 characters of "1 2 3 " with
// latent=true came back as 1000 entities, 226 KB, for one anonymous request. Reproduced as a client would
// send it; fixed: at most MAX_DUCKLING_ENTITIES entities, the first by position, and a header saying the
// list was cut.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { MAX_DUCKLING_ENTITIES, TRUNCATED_HEADER } from "../../src/http/schemas/duckling.js";
import { parseDuckling } from "../../src/temporal/duckling/engine.js";

const app = createApp({ config: readConfig({}) });
const REFERENCE = "1769000000000";

function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

async function post(text: string, latent: boolean) {
  const response = await app.request("/parse", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      text,
      locale: "en_US",
      reftime: REFERENCE,
      latent: String(latent),
    }).toString(),
  });
  const raw = await response.text();
  expect(response.status, raw).toBe(200);
  return { raw, entities: JSON.parse(raw) as { start: number; body: string }[], response };
}

describe("Duckling route output cap", () => {
  it(`answers 2000 characters of "1 2 3 " with latent=true in at most ${MAX_DUCKLING_ENTITIES} entities`, async () => {
    const text = fill("1 2 3 ", 2000);
    const uncapped = parseDuckling(text, {
      locale: "en_US",
      zone: "UTC",
      reference: Number(REFERENCE),
      latent: true,
    });
    expect(uncapped.length).toBe(1000);
    const { raw, entities, response } = await post(text, true);
    expect(entities).toHaveLength(MAX_DUCKLING_ENTITIES);
    expect(response.headers.get(TRUNCATED_HEADER)).toBe("true");
    // The first by position, as the uncapped list gives them.
    expect(entities.map((entity) => entity.start)).toEqual(
      uncapped.slice(0, MAX_DUCKLING_ENTITIES).map((entity) => entity.start),
    );
    expect(raw.length).toBeLessThan(16 * 1024);
  });

  it("marks the answer cut only when there was more than the cap", async () => {
    const exactly = await post("at 5 ".repeat(MAX_DUCKLING_ENTITIES), false);
    expect(exactly.entities).toHaveLength(MAX_DUCKLING_ENTITIES);
    expect(exactly.response.headers.get(TRUNCATED_HEADER)).toBeNull();
    const oneMore = await post("at 5 ".repeat(MAX_DUCKLING_ENTITIES + 1), false);
    expect(oneMore.entities).toHaveLength(MAX_DUCKLING_ENTITIES);
    expect(oneMore.response.headers.get(TRUNCATED_HEADER)).toBe("true");
  });

  it("answers an ordinary request unchanged, without the header", async () => {
    const { entities, response } = await post("tomorrow at 3pm for 2 hours", false);
    expect(entities.map((entity) => entity.body)).toEqual(["tomorrow at 3pm for 2 hours"]);
    expect(response.headers.get(TRUNCATED_HEADER)).toBeNull();
  });
});
