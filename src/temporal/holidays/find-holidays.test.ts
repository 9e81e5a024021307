import { checkSync, type Diagnostics } from "recheck";
import { describe, expect, it } from "vitest";
import type { Language } from "../../locales/index.js";
import { normalizeText } from "../text.js";
import { findHolidays, HOLIDAY_PATTERNS } from "./find-holidays.js";

const ids = (text: string, language: Language) =>
  findHolidays(normalizeText(text).folded, language).map(({ id }) => id);

function explain(diagnostics: Diagnostics): string {
  const head = `/${diagnostics.source}/${diagnostics.flags} is ${diagnostics.status}`;
  if (diagnostics.status === "vulnerable") return `${head}; attack: ${diagnostics.attack.pattern}`;
  if (diagnostics.status === "unknown") return `${head}: ${JSON.stringify(diagnostics.error)}`;
  return head;
}

describe("findHolidays", () => {
  it.each([
    ["en", "xmas", "christmas"],
    ["en", "Christmas Day", "christmas"],
    ["en", "christmas eve", "christmas-eve"],
    ["en", "new year's eve", "new-years-eve"],
    ["en", "new years day", "new-years-day"],
    ["en", "thanksgiving day", "thanksgiving"],
    ["en", "St Patrick’s Day", "st-patricks-day"],
    ["en", "st. paddy's day", "st-patricks-day"],
    ["en", "Martin Luther King's day", "mlk-day"],
    ["en", "MLK Jr. day", "mlk-day"],
    ["en", "orthodox good friday", "orthodox-good-friday"],
    ["en", "good friday", "good-friday"],
    ["en", "chinese new years", "chinese-new-year"],
    ["en", "rosh hashanna", "rosh-hashanah"],
    ["en", "Chanukah", "hanukkah"],
    ["en", "id ul-adha", "eid-al-adha"],
    ["en", "Jamat Ul-Vida", "jumuatul-wida"],
    ["en", "boss's day", "bosses-day"],
    ["en", "this fall", "fall"],
    ["en", "during lent", "lent"],
    ["en", "choti diwali", "naraka-chaturdashi"],
    ["en", "Deepavali", "diwali"],
    ["en", "chhoti holi", "holika-dahan"],
    ["en", "Holi", "holi"],
    ["en", "maattu pongal", "mattu-pongal"],
    ["en", "Thiruvonam", "onam"],
    ["en", "Guru Govind Singh Jayanti", "guru-gobind-singh-jayanti"],
    ["en", "ratha-yatra", "ratha-yatra"],
    ["en", "Buddha Purnima", "buddha-purnima"],
    ["en", "chaitra sukhladi", "ugadi"],
    ["es", "Diwali", "diwali"],
    ["es", "Día de los Inocentes", "april-fools"],
    ["es", "día de los santos inocentes", "holy-innocents"],
    ["es", "Nochevieja", "new-years-eve"],
    ["es", "año nuevo", "new-years-day"],
    ["es", "año nuevo chino", "chinese-new-year"],
    ["es", "la Navidad", "christmas"],
    ["es", "Nochebuena", "christmas-eve"],
    ["es", "día de la madre", "mothers-day"],
    ["es", "día mundial de la lengua árabe", "arabic-language-day"],
    ["es", "semana santa", "holy-week"],
    ["es", "viernes santo", "good-friday"],
    ["es", "este verano", "summer"],
  ] as const)("%s: %s is %s", (language, text, id) => {
    expect(ids(text, language)).toEqual([id]);
  });

  it("gives spans in the folded text and finds several names", () => {
    const folded = normalizeText("Entre Navidad y Año Nuevo, o en Semana Santa").folded;
    expect(findHolidays(folded, "es")).toEqual([
      { id: "christmas", index: 6, end: 13 },
      { id: "new-years-day", index: 16, end: 25 },
      { id: "holy-week", index: 32, end: 44 },
    ]);
  });

  it("does not find names inside words, in the other language, or words that only look like names", () => {
    expect(ids("holidays in the silent valley", "en")).toEqual([]);
    expect(ids("holiness and the holistic view", "en")).toEqual([]);
    expect(ids("holi, dijo ella", "es")).toEqual([]);
    expect(ids("I lent him my car", "en")).toEqual([]);
    expect(ids("she lent me a pen", "en")).toEqual([]);
    expect(ids("I might fall asleep", "en")).toEqual([]);
    expect(ids("meeting with Dr. Valentine", "en")).toEqual([]);
    expect(ids("la maleta pesa mucho", "es")).toEqual([]);
    expect(ids("cita en San José", "es")).toEqual([]);
    expect(ids("thanksgiving", "es")).toEqual([]);
    expect(ids("navidad", "en")).toEqual([]);
  });

  it("only runs patterns recheck judges safe", () => {
    expect(HOLIDAY_PATTERNS.length).toBeGreaterThan(100);
    const unsafe = HOLIDAY_PATTERNS.map((pattern) => checkSync(pattern.source, pattern.flags))
      .filter((diagnostics) => diagnostics.status !== "safe")
      .map(explain);
    expect(unsafe).toEqual([]);
  });

  it("scans a long text in linear time", () => {
    const text = `${"dia de los ".repeat(5000)}x ${"saint paddy ".repeat(5000)}`;
    const started = performance.now();
    findHolidays(text, "es");
    findHolidays(text, "en");
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
