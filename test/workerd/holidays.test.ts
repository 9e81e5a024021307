// Holidays are computed from calendars Intl provides (Hebrew, Islamic, Chinese) and from astronomy (Hindu
// festivals): workerd must give the same dates as Node, since its ICU data and Math are its own.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { useWorker } from "../support/workers.js";

const app = createApp({ config: readConfig({}) });
const REFTIME = String(Date.parse("2013-02-12T04:30:00-02:00"));

// Expected dates as published (Jewish holidays from their eve, as Duckling dates them).
const HOLIDAYS: [string, string, string][] = [
  ["en_US", "rosh hashanah 2018", "2018-09-09"],
  ["en_US", "Eid al-Fitr 2018", "2018-06-15"],
  ["en_US", "chinese new year 2018", "2018-02-16"],
  ["en_US", "diwali 2019", "2019-10-27"],
  ["en_US", "holi 2020", "2020-03-10"],
  ["en_US", "thanksgiving 2017", "2017-11-23"],
  ["en_US", "easter 2025", "2025-04-20"],
  ["es_ES", "Navidad", "2013-12-25"],
];

function request(locale: string, text: string): RequestInit {
  const body = new URLSearchParams({ text, locale, tz: "Etc/GMT+2", reftime: REFTIME, dims: '["time"]' });
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  };
}

async function firstDay(response: Response): Promise<string | undefined> {
  expect(response.status).toBe(200);
  const [entity] = (await response.json()) as { value: { value?: string; from?: { value: string } } }[];
  return (entity?.value.value ?? entity?.value.from?.value)?.slice(0, 10);
}

describe("holiday dates on Node and workerd", () => {
  const workerUrl = useWorker("rules");
  it.each(HOLIDAYS)("%s: %s is %s", async (locale, text, date) => {
    expect(await firstDay(await app.request("/parse", request(locale, text)))).toBe(date);
    expect(await firstDay(await fetch(`${workerUrl()}/parse`, request(locale, text)))).toBe(date);
  });
});
