// The share link's encoding (static/playground/share.js): a request survives the round trip whatever its
// characters, the fragment is URL-safe, and a fragment that is not a readable request says why.
import { describe, expect, it } from "vitest";
import { readShareFragment, shareFragment } from "../public/static/playground/share.js";

describe("share links", () => {
  it.each([
    {
      text: "cita mañana 10am con Dr. Pérez",
      timezone: "America/Mexico_City",
      now: "2026-01-22T10:30:00-06:00",
    },
    { text: "🦷 ¿mañana? <b>\"'&</b> ~~~???>>>", locale: "es", mode: "rules", calendarId: "dr-perez" },
    {
      messages: [
        { role: "user" as const, content: "hola" },
        { role: "assistant" as const, content: "¿Qué día?" },
        { role: "user" as const, content: "el viernes a las 5" },
      ],
    },
  ])("round-trips %j", (request) => {
    const fragment = shareFragment(request);
    expect(fragment).toMatch(/^#request=[A-Za-z0-9_-]+$/);
    expect(readShareFragment(fragment)).toEqual(request);
  });

  it.each(["", "#", "#other", "#requests=e30"])("ignores %j, which is not a share link", (fragment) => {
    expect(readShareFragment(fragment)).toBeNull();
  });

  const encoded = (value: unknown) => `#request=${Buffer.from(JSON.stringify(value)).toString("base64url")}`;
  it.each([
    ["#request=%%%", /not base64url of JSON/],
    [`#request=${Buffer.from([0xff, 0xfe]).toString("base64url")}`, /not base64url of JSON/],
    [encoded([1, 2]), /not an object/],
    [encoded({ locale: "es" }), /neither text nor messages/],
    [encoded({ messages: [{ role: "system", content: "x" }] }), /role/],
    [encoded({ text: "hola", timezone: 5 }), /timezone is not a string/],
  ])("refuses %s", (fragment, reason) => {
    expect(() => readShareFragment(fragment)).toThrow(reason);
  });

  it("keeps only the fields a request has", () => {
    expect(readShareFragment(encoded({ text: "hola", explain: true, "<img>": 1 }))).toEqual({ text: "hola" });
  });
});
