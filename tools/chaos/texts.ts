// The requests the chaos suite sends: golden cases (varied Spanish and English texts, each with its own
// fixed `now`, so answers are comparable across runs). Only ordinary, complete bookings are used: the
// golden set is mostly edge cases (DST gaps, past dates, injections, missing fields) whose low confidence
// would by itself mark the primary degraded in the router's health, which is not the incident under test.

import type { ParseRequest } from "../../src/http/schemas/parse.js";
import { DEFAULT_GOLDEN_DIRECTORY, loadGoldenFiles } from "../golden/fixtures.js";
import { requestFor } from "../golden/run-cases.js";

/** Tags of cases that are not everyday traffic. */
const UNUSUAL = ["injection", "dst", "noise", "past"];

/** A stable shuffle key, so Spanish and English files interleave instead of running file by file. */
function hash(text: string): number {
  let value = 2166136261;
  for (let index = 0; index < text.length; index++)
    value = Math.imul(value ^ text.charCodeAt(index), 16777619);
  return value >>> 0;
}

/** Golden cases expected "complete", without a calendar or an unusual tag, as parse requests. */
export function goldenRequests(directory = DEFAULT_GOLDEN_DIRECTORY): ParseRequest[] {
  const { cases } = loadGoldenFiles([directory]);
  const requests = cases
    .filter(
      (golden) =>
        golden.calendarId === undefined &&
        golden.expect.status === "complete" &&
        !golden.tags?.some((tag) => UNUSUAL.includes(tag)),
    )
    .sort((a, b) => hash(a.id) - hash(b.id))
    .map(requestFor);
  if (requests.length === 0) throw new Error(`no usable golden cases in ${directory}`);
  return requests;
}

/** A request for the i-th send of a run, starting at an offset so scenarios do not all send the same texts. */
export function pick(requests: readonly ParseRequest[], offset: number, index: number): ParseRequest {
  return requests[(offset + index) % requests.length]!;
}
