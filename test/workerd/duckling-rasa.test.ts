// Rasa's DucklingEntityExtractor pointed at Cita: the exact request it sends to a Duckling server, replayed
// in process (Node) and against a real `wrangler dev` (workerd), and the answer read the way Rasa reads it.
//
// The request, from RasaHQ/rasa rasa/nlu/extractors/duckling_entity_extractor.py (read at commits 254b01b
// (Rasa 2) and 5d16f66 (Rasa 3)):
//   _payload():        {"text": text, "locale": <locale>, "tz": component_config.get("timezone"),
//                       "dims": json.dumps(dimensions), "reftime": reference_time}
//   _duckling_parse(): requests.post(url + "/parse", data=payload, headers={"Content-Type":
//                       "application/x-www-form-urlencoded; charset=UTF-8"}, timeout=...)
//   reference time:    Rasa 2 `int(message.time) * 1000`, Rasa 3 `message.time * 1000` (a float when the
//                      message time is one), else `int(time.time()) * 1000`: epoch milliseconds.
// So the body is urllib's urlencode of those fields in that order (quote_plus: space → "+", "/" → "%2F");
// `requests` drops a field whose value is None (no `tz` when no timezone is configured); `dims` is
// json.dumps of the list ('["time", "duration"]', with a space) or "null" when no dimensions are configured
// (Duckling then answers every dimension); and with no locale configured Rasa 2 builds one from the model's
// language as f"{language}_{language.upper()}" ("en_EN", "es_ES").
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { DucklingEntitySchema } from "../../src/http/schemas/duckling.js";
import { RULES_WORKER_VARIABLES, useWorker } from "../support/workers.js";

// The rules worker's variables, passed to Node too: DEFAULT_TIMEZONE is the zone Duckling falls back to when
// Rasa sends no tz.
const VARS = RULES_WORKER_VARIABLES;
// 2013-02-12T04:30:00.000-02:00, the reference of Duckling's corpus, as Rasa 2 sends it.
const REFTIME = 1_360_650_600_000;
/** Duckling's value format: milliseconds and the zone's offset. */
const DUCKLING_VALUE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;

/** The headers `requests` sends with Rasa's Content-Type (Connection is the client's, not settable here). */
const RASA_HEADERS = {
  "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8",
  "User-Agent": "python-requests/2.31.0",
  "Accept-Encoding": "gzip, deflate",
  Accept: "*/*",
};

/** Python's urllib.parse.urlencode (quote_plus, safe=""), which `requests` uses for a `data` dict. */
function pythonUrlencode(fields: Record<string, string | number | null>): string {
  const quotePlus = (value: string) =>
    Array.from(new TextEncoder().encode(value), (byte) => {
      const character = String.fromCharCode(byte);
      if (/[A-Za-z0-9_.~-]/.test(character)) return character;
      return character === " " ? "+" : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }).join("");
  return Object.entries(fields)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${quotePlus(name)}=${quotePlus(String(value))}`)
    .join("&");
}

/** Rasa's `_payload`: the fields in its order, `dims` through json.dumps (Python's ", " separator). */
function rasaPayload(options: {
  text: string;
  locale: string;
  timezone: string | null;
  dimensions: string[] | null;
  reftime: number | string;
}): string {
  const dims =
    options.dimensions === null
      ? "null"
      : `[${options.dimensions.map((dim) => JSON.stringify(dim)).join(", ")}]`;
  return pythonUrlencode({
    text: options.text,
    locale: options.locale,
    tz: options.timezone,
    dims,
    reftime: options.reftime,
  });
}

interface RasaEntity {
  start: number;
  end: number;
  text: string;
  value: unknown;
  entity: string;
}

/** Rasa's convert_duckling_format_to_rasa and extract_value, on the fields Rasa reads. */
function asRasaReadsThem(matches: unknown): RasaEntity[] {
  return DucklingEntitySchema.array()
    .parse(matches)
    .map((match) => {
      const value = match.value as {
        type?: string;
        value?: unknown;
        from?: { value: string };
        to?: { value: string };
      };
      return {
        start: match.start,
        end: match.end,
        text: match.body,
        value: value.type === "interval" ? { to: value.to?.value, from: value.from?.value } : value.value,
        entity: match.dim,
      };
    });
}

type Send = (body: string, headers: Record<string, string>) => Promise<Response>;

const app = createApp({ config: readConfig(VARS) });
const inProcess: Send = async (body, headers) => app.request("/parse", { method: "POST", headers, body });

const workerUrl = useWorker("rules");
const onWorkerd: Send = async (body, headers) =>
  fetch(`${workerUrl()}/parse`, { method: "POST", headers, body });

it("encodes the payload as requests does", () => {
  const body = rasaPayload({
    text: "Book a table for tomorrow at 9am",
    locale: "en_US",
    timezone: "Europe/Berlin",
    dimensions: ["time", "duration"],
    reftime: REFTIME,
  });
  expect(body).toBe(
    "text=Book+a+table+for+tomorrow+at+9am&locale=en_US&tz=Europe%2FBerlin" +
      "&dims=%5B%22time%22%2C+%22duration%22%5D&reftime=1360650600000",
  );
});

describe.each<[string, Send]>([
  ["in process (Node)", inProcess],
  ["wrangler dev (workerd)", onWorkerd],
])("Rasa's DucklingEntityExtractor, %s", (_runtime, send) => {
  async function rasaRequest(payload: Parameters<typeof rasaPayload>[0]) {
    const response = await send(rasaPayload(payload), RASA_HEADERS);
    const raw = await response.text();
    expect(response.status, raw).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const matches = JSON.parse(raw) as unknown;
    expect(Array.isArray(matches)).toBe(true);
    return { matches: DucklingEntitySchema.array().parse(matches), rasa: asRasaReadsThem(matches) };
  }

  it("configured with locale, timezone and dimensions: the time in tz, with its grain and offsets", async () => {
    const text = "Book a table for tomorrow at 9am";
    const { matches, rasa } = await rasaRequest({
      text,
      locale: "en_US",
      timezone: "Europe/Berlin",
      dimensions: ["time", "duration"],
      reftime: REFTIME,
    });
    const time = matches.find((match) => match.dim === "time");
    expect(time).toMatchObject({
      body: "tomorrow at 9am",
      start: 17,
      end: 32,
      dim: "time",
      latent: false,
      value: {
        type: "value",
        value: "2013-02-13T09:00:00.000+01:00",
        grain: "hour",
        values: [{ type: "value", value: "2013-02-13T09:00:00.000+01:00", grain: "hour" }],
      },
    });
    expect(text.slice(time!.start, time!.end)).toBe(time!.body);
    expect(rasa).toContainEqual({
      start: 17,
      end: 32,
      text: "tomorrow at 9am",
      value: "2013-02-13T09:00:00.000+01:00",
      entity: "time",
    });
  });

  it("with Rasa's defaults: no tz (the configured zone), dims null, the locale built from the language", async () => {
    const { matches } = await rasaRequest({
      text: "Quiero una cita mañana a las 10 de la mañana",
      locale: "es_ES",
      timezone: null,
      dimensions: null,
      reftime: REFTIME,
    });
    const time = matches.find((match) => match.dim === "time");
    expect(time?.body).toMatch(/^mañana a las 10/);
    expect(time?.value).toMatchObject({
      type: "value",
      value: "2013-02-13T10:00:00.000-06:00",
      grain: "hour",
    });

    const english = await rasaRequest({
      text: "see you tomorrow at 3pm",
      locale: "en_EN",
      timezone: null,
      dimensions: ["time"],
      reftime: REFTIME,
    });
    expect(english.rasa).toEqual([
      { start: 8, end: 23, text: "tomorrow at 3pm", value: "2013-02-13T15:00:00.000-06:00", entity: "time" },
    ]);
  });

  it("with Rasa 3's float reference time (message.time * 1000)", async () => {
    const { matches } = await rasaRequest({
      text: "tomorrow at 9am",
      locale: "en_US",
      timezone: "Etc/GMT+2",
      dimensions: ["time"],
      reftime: "1360650600000.0",
    });
    expect(matches[0]?.value).toMatchObject({ value: "2013-02-13T09:00:00.000-02:00", grain: "hour" });
  });

  it("answers every value in Duckling's format, intervals included", async () => {
    const { matches } = await rasaRequest({
      text: "from 3 to 5pm",
      locale: "en_US",
      timezone: "Etc/GMT+2",
      dimensions: ["time"],
      reftime: REFTIME,
    });
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) {
      const value = match.value as { value?: string; from?: { value: string }; to?: { value: string } };
      for (const instant of [value.value, value.from?.value, value.to?.value].filter((item) => item)) {
        expect(instant).toMatch(DUCKLING_VALUE);
      }
    }
  });

  it("answers the JSON variant of the same request with the same entities", async () => {
    const payload = {
      text: "Book a table for tomorrow at 9am",
      locale: "en_US",
      timezone: "Europe/Berlin",
      dimensions: ["time", "duration"],
      reftime: REFTIME,
    };
    const form = await rasaRequest(payload);
    const json = await send(
      JSON.stringify({
        text: payload.text,
        locale: payload.locale,
        tz: payload.timezone,
        dims: payload.dimensions,
        reftime: payload.reftime,
      }),
      { "Content-Type": "application/json" },
    );
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual(form.matches);
  });

  it("answers a language Cita does not read with no entities, as Duckling answers a text with none", async () => {
    const response = await send(
      rasaPayload({
        text: "demain à 9h",
        locale: "fr_FR",
        timezone: null,
        dimensions: null,
        reftime: REFTIME,
      }),
      RASA_HEADERS,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
  });
});
