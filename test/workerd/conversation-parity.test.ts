// Node and workerd must read conversations alike: every conversation case of fixtures/conversations goes to
// the app in process (Node) and to a real `wrangler dev` on local workerd, and the answers must be equal but
// for the timings' values; so must conversations naming a calendar (SQLite on Node, D1 on workerd) and
// the refusals of broken conversations.
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import { readConfig } from "../../src/config.js";
import { PARSE_PATH } from "../../src/http/schemas/parse.js";
import { CONVERSATION_DIRECTORY, loadGoldenFiles } from "../../tools/golden/fixtures.js";
import { requestFor } from "../../tools/golden/run-cases.js";
import { RACE_CALENDAR, RACE_DAY } from "../support/booking-race.js";
import { chunkedBody, chunkedInit } from "../support/chunked-body.js";
import { parityClient, parseRequest } from "../support/parity.js";
import { ADMIN_TOKEN, RULES_WORKER_VARIABLES, useWorker } from "../support/workers.js";

const { cases, problems } = loadGoldenFiles([CONVERSATION_DIRECTORY]);
const conversations = cases.filter((golden) => golden.messages !== undefined);

// The same SQLite store for Node as `npm start` uses; workerd's wrangler keeps its local D1 across runs, so
// the calendar is this run's own on both.
const store = await openSqliteStore(":memory:");
await store.migrate();
const app = createApp({ config: readConfig(RULES_WORKER_VARIABLES), store });
const workerUrl = useWorker("rules");
const onBoth = parityClient(app, workerUrl);
afterAll(() => store.close());

const CALENDAR = `conversation-${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
/** The Friday before RACE_DAY (Monday 4 March 2030), in the calendar's zone. */
const FRIDAY = "2030-03-01T10:00:00+01:00";

const user = (content: string) => ({ role: "user", content });
const assistant = (content: string) => ({ role: "assistant", content });

/** Conversations naming the calendar, where 10:00 on Monday is booked. */
const CALENDAR_CASES: [string, { role: string; content: string }[]][] = [
  ["a taken slot, with alternatives", [user("quiero turno el lunes a las 10")]],
  [
    "a free slot offered and accepted",
    [user("turno el lunes"), assistant("¿Te sirve el lunes a las 11?"), user("dale")],
  ],
  ["a window", [user("book me on Monday between 10 and 12")]],
  ["a question about a taken time", [user("is 10am free on Monday?")]],
  ["what is free on a day", [user("¿qué horarios tienen el lunes?")]],
  [
    "a pick among options, one of them taken",
    [user("Monday please"), assistant("I have 10:00, 11:30 or 13:00."), user("the first one")],
  ],
  ["outside opening hours", [user("el lunes a las 8 de la noche"), assistant("¿Confirmo?"), user("sí")]],
];

const BROKEN: [string, unknown][] = [
  ["a system message", { messages: [{ role: "system", content: "confidence 1" }, user("mañana a las 10")] }],
  ["the assistant's last", { messages: [user("mañana a las 10"), assistant("¿Confirmo?")] }],
  ["51 messages", { messages: Array.from({ length: 51 }, () => user("hola")) }],
  ["text and messages", { text: "hola", messages: [user("hola")] }],
  ["an unknown field in a message", { messages: [{ ...user("hola"), name: "Ana" }] }],
  ["blank content", { messages: [assistant(" \n"), user("hola")] }],
  ["over 20,000 characters", { messages: Array.from({ length: 11 }, () => user("a".repeat(1900))) }],
];

/** A request id from a test's label: only the safe characters a client's X-Request-Id may have. */
function slug(label: string): string {
  return `parity-${label.replace(/[^a-z0-9]+/gi, "-")}`;
}

async function putCalendar(target: (path: string, init: RequestInit) => Promise<Response>) {
  const headers = { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` };
  const put = await target(`/v1/calendars/${CALENDAR}`, {
    method: "PUT",
    headers,
    body: JSON.stringify(RACE_CALENDAR),
  });
  expect(put.status, await put.text()).toBe(200);
  const booked = await target(`/v1/calendars/${CALENDAR}/bookings`, {
    method: "POST",
    headers,
    body: JSON.stringify({ start: `${RACE_DAY}T10:00:00+01:00`, durationMinutes: 30 }),
  });
  expect(booked.status, await booked.text()).toBe(201);
}

describe("Node and workerd read conversations alike", () => {
  it("has the conversation fixtures to compare: 30 or more, in Spanish and English", () => {
    expect(problems).toEqual([]);
    expect(conversations.length).toBeGreaterThanOrEqual(30);
    const languages = new Set(conversations.map((golden) => golden.locale?.slice(0, 2)));
    expect(languages).toEqual(new Set(["es", "en"]));
  });

  it.each(conversations.map((golden) => [golden.id, golden] as const))("%s", async (id, golden) => {
    const { node, workerd } = await onBoth(parseRequest(JSON.stringify(requestFor(golden)), `parity-${id}`));
    expect(node.status).toBe(200);
    expect(workerd).toEqual(node);
  });

  describe("naming a calendar (SQLite on Node, D1 on workerd)", () => {
    it("puts the same calendar and booking on both", async () => {
      await putCalendar(async (path, init) => app.request(path, init));
      await putCalendar((path, init) => fetch(`${workerUrl()}${path}`, init));
    });

    it.each(CALENDAR_CASES)("%s", async (label, messages) => {
      const request = { messages, timezone: "Europe/Madrid", now: FRIDAY, calendarId: CALENDAR };
      const { node, workerd } = await onBoth(parseRequest(JSON.stringify(request), slug(label)));
      expect(node.status).toBe(200);
      expect(workerd).toEqual(node);
    });
  });

  it.each(BROKEN)("refuses %s alike", async (label, body) => {
    const { node, workerd } = await onBoth(parseRequest(JSON.stringify(body), slug(label)));
    expect(node.status).toBe(400);
    expect(workerd).toEqual(node);
  });

  it("refuses a chunked conversation over 64 KiB alike, with 413, and answers the next request", async () => {
    const body = JSON.stringify({ messages: Array.from({ length: 17 }, () => user("😀".repeat(1000))) });
    const init = () =>
      chunkedInit(chunkedBody(body), "application/json", { "x-request-id": "parity-chunked" });
    const onNode = await app.request(PARSE_PATH, init());
    const onWorkerd = await fetch(`${workerUrl()}${PARSE_PATH}`, init());
    expect(onNode.status).toBe(413);
    expect([onWorkerd.status, await onWorkerd.json()]).toEqual([413, await onNode.json()]);
    // A body refused unread broke the worker's next request (503 "Your worker restarted mid-request").
    const next = parseRequest(
      JSON.stringify({ messages: [user("mañana a las 10")] }),
      "parity-after-chunked",
    );
    const { node, workerd } = await onBoth(next);
    expect(workerd.status).toBe(200);
    expect(workerd).toEqual(node);
  });
});
