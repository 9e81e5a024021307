// resolveWallClock on daylight-saving days: a skipped wall-clock time is nonexistent, a repeated one resolves
// to its earlier instant with that instant's offset, and ordinary times resolve with the offset in force on
// the target date. 2026 transitions, from the IANA rules of each zone.
import { DateTime, IANAZone } from "luxon";
import { describe, expect, it, vi } from "vitest";
import {
  canonicalZone,
  formatAtOffset,
  isValidZone,
  type LocalDateTime,
  resolveWallClock,
  zoneCacheSizes,
  zoneFor,
} from "./zone.js";

type Resolution = { kind: "ok" | "repeated"; instant: DateTime } | { kind: "nonexistent" };

/** resolveWallClock's answer as a luxon DateTime, so the checks below read fields and zones. */
function resolveLocal(wall: LocalDateTime, zone: string): Resolution {
  const resolved = resolveWallClock(wall, zone);
  if (resolved.kind === "nonexistent") return resolved;
  return { kind: resolved.kind, instant: DateTime.fromMillis(resolved.millis, { zone: zoneFor(zone) }) };
}

/** formatAtOffset on a DateTime: its instant at the offset in force then. */
function formatInstant(instant: DateTime): string {
  return formatAtOffset(instant.toMillis(), instant.offset);
}

function local(text: string): LocalDateTime {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (match === null) throw new Error(`bad local time ${text}`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { year, month, day, hour, minute };
}

interface Transition {
  zone: string;
  /** A wall-clock time inside the spring-forward gap, and the first valid minutes either side. */
  gap: { inside: string[]; before: [string, string]; after: [string, string] };
  /** A wall-clock time inside the fall-back overlap, with the earlier and later instants. */
  overlap: {
    inside: string;
    earlier: string;
    later: string;
    before: [string, string];
    after: [string, string];
  };
  /** An ordinary day in winter and summer, with the offset in force. */
  ordinary: [string, string][];
}

const TRANSITIONS: Transition[] = [
  {
    zone: "Europe/Madrid",
    gap: {
      inside: ["2026-03-29 02:00", "2026-03-29 02:30", "2026-03-29 02:59"],
      before: ["2026-03-29 01:59", "2026-03-29T01:59:00+01:00"],
      after: ["2026-03-29 03:00", "2026-03-29T03:00:00+02:00"],
    },
    overlap: {
      inside: "2026-10-25 02:30",
      earlier: "2026-10-25T02:30:00+02:00",
      later: "2026-10-25T02:30:00+01:00",
      before: ["2026-10-25 01:59", "2026-10-25T01:59:00+02:00"],
      after: ["2026-10-25 03:00", "2026-10-25T03:00:00+01:00"],
    },
    ordinary: [
      ["2026-01-23 10:00", "2026-01-23T10:00:00+01:00"],
      ["2026-07-15 10:00", "2026-07-15T10:00:00+02:00"],
    ],
  },
  {
    zone: "Europe/London",
    gap: {
      inside: ["2026-03-29 01:00", "2026-03-29 01:30"],
      before: ["2026-03-29 00:59", "2026-03-29T00:59:00+00:00"],
      after: ["2026-03-29 02:00", "2026-03-29T02:00:00+01:00"],
    },
    overlap: {
      inside: "2026-10-25 01:30",
      earlier: "2026-10-25T01:30:00+01:00",
      later: "2026-10-25T01:30:00+00:00",
      before: ["2026-10-25 00:59", "2026-10-25T00:59:00+01:00"],
      after: ["2026-10-25 02:00", "2026-10-25T02:00:00+00:00"],
    },
    ordinary: [
      ["2026-01-23 10:00", "2026-01-23T10:00:00+00:00"],
      ["2026-07-15 10:00", "2026-07-15T10:00:00+01:00"],
    ],
  },
  {
    zone: "America/Los_Angeles",
    gap: {
      inside: ["2026-03-08 02:00", "2026-03-08 02:30"],
      before: ["2026-03-08 01:59", "2026-03-08T01:59:00-08:00"],
      after: ["2026-03-08 03:00", "2026-03-08T03:00:00-07:00"],
    },
    overlap: {
      inside: "2026-11-01 01:30",
      earlier: "2026-11-01T01:30:00-07:00",
      later: "2026-11-01T01:30:00-08:00",
      before: ["2026-11-01 00:59", "2026-11-01T00:59:00-07:00"],
      after: ["2026-11-01 02:00", "2026-11-01T02:00:00-08:00"],
    },
    ordinary: [
      ["2026-01-23 10:00", "2026-01-23T10:00:00-08:00"],
      ["2026-07-15 10:00", "2026-07-15T10:00:00-07:00"],
    ],
  },
  {
    // Southern hemisphere: daylight saving ends in April and starts in October.
    zone: "Australia/Sydney",
    gap: {
      inside: ["2026-10-04 02:00", "2026-10-04 02:30"],
      before: ["2026-10-04 01:59", "2026-10-04T01:59:00+10:00"],
      after: ["2026-10-04 03:00", "2026-10-04T03:00:00+11:00"],
    },
    overlap: {
      inside: "2026-04-05 02:30",
      earlier: "2026-04-05T02:30:00+11:00",
      later: "2026-04-05T02:30:00+10:00",
      before: ["2026-04-05 01:59", "2026-04-05T01:59:00+11:00"],
      after: ["2026-04-05 03:00", "2026-04-05T03:00:00+10:00"],
    },
    ordinary: [
      ["2026-01-23 10:00", "2026-01-23T10:00:00+11:00"],
      ["2026-07-15 10:00", "2026-07-15T10:00:00+10:00"],
    ],
  },
  {
    // Chile changes at midnight: the gap swallows 00:00-00:59 of the Sunday, and the overlap repeats
    // 23:00-23:59 of the Saturday before.
    zone: "America/Santiago",
    gap: {
      inside: ["2026-09-06 00:00", "2026-09-06 00:30", "2026-09-06 00:59"],
      before: ["2026-09-05 23:59", "2026-09-05T23:59:00-04:00"],
      after: ["2026-09-06 01:00", "2026-09-06T01:00:00-03:00"],
    },
    overlap: {
      inside: "2026-04-04 23:30",
      earlier: "2026-04-04T23:30:00-03:00",
      later: "2026-04-04T23:30:00-04:00",
      before: ["2026-04-04 22:59", "2026-04-04T22:59:00-03:00"],
      after: ["2026-04-05 00:00", "2026-04-05T00:00:00-04:00"],
    },
    ordinary: [
      ["2026-01-23 10:00", "2026-01-23T10:00:00-03:00"],
      ["2026-07-15 10:00", "2026-07-15T10:00:00-04:00"],
    ],
  },
];

describe.each(TRANSITIONS)("resolveLocal in $zone", ({ zone, gap, overlap, ordinary }) => {
  it.each(gap.inside)("finds %s nonexistent (spring forward)", (time) => {
    expect(resolveLocal(local(time), zone)).toEqual({ kind: "nonexistent" });
  });

  it("resolves the minutes either side of the gap with their own offsets", () => {
    for (const [time, expected] of [gap.before, gap.after]) {
      const resolution = resolveLocal(local(time), zone);
      expect(resolution.kind, time).toBe("ok");
      if (resolution.kind !== "nonexistent") expect(formatInstant(resolution.instant)).toBe(expected);
    }
  });

  it("resolves a repeated time (fall back) to the earlier instant with its offset", () => {
    const resolution = resolveLocal(local(overlap.inside), zone);
    expect(resolution.kind).toBe("repeated");
    if (resolution.kind !== "repeated") return;
    expect(formatInstant(resolution.instant)).toBe(overlap.earlier);
    expect(resolution.instant.toMillis()).toBe(Date.parse(overlap.earlier));
    // The later reading exists and is one hour after the earlier one.
    expect(Date.parse(overlap.later) - resolution.instant.toMillis()).toBe(60 * 60 * 1000);
    expect(resolution.instant.zoneName).toBe(zone);
  });

  it("resolves the minutes either side of the overlap as ordinary times", () => {
    for (const [time, expected] of [overlap.before, overlap.after]) {
      const resolution = resolveLocal(local(time), zone);
      expect(resolution.kind, time).toBe("ok");
      if (resolution.kind !== "nonexistent") expect(formatInstant(resolution.instant)).toBe(expected);
    }
  });

  it.each(ordinary)("resolves the ordinary %s to %s", (time, expected) => {
    const resolution = resolveLocal(local(time), zone);
    expect(resolution.kind).toBe("ok");
    if (resolution.kind === "nonexistent") return;
    expect(formatInstant(resolution.instant)).toBe(expected);
    const { year, month, day, hour, minute } = resolution.instant;
    expect({ year, month, day, hour, minute }).toEqual(local(time));
  });

  it("finds the transition days' every minute either ok, repeated or nonexistent, and consistent", () => {
    const days = [gap.inside[0]!.slice(0, 10), overlap.inside.slice(0, 10)];
    for (const day of days) {
      let nonexistent = 0;
      let repeated = 0;
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const wall = local(
          `${day} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`,
        );
        const resolution = resolveLocal(wall, zone);
        if (resolution.kind === "nonexistent") {
          nonexistent++;
          continue;
        }
        if (resolution.kind === "repeated") repeated++;
        const { year, month, day: date, hour, minute } = resolution.instant;
        expect({ year, month, day: date, hour, minute }).toEqual(wall);
      }
      // One hour is skipped on the gap day and one repeated on the overlap day, in 15-minute steps.
      expect(nonexistent + repeated, day).toBe(4);
    }
  });
});

describe("resolveLocal outside daylight-saving changes", () => {
  it("resolves UTC and zones without daylight saving as ok", () => {
    for (const [zone, expected] of [
      ["UTC", "2026-03-29T02:30:00"],
      ["Asia/Kolkata", "2026-03-29T02:30:00+05:30"],
      ["America/Mexico_City", "2026-04-05T02:30:00-06:00"],
    ] as const) {
      const date = expected.slice(0, 10);
      const resolution = resolveLocal(local(`${date} 02:30`), zone);
      expect(resolution.kind, zone).toBe("ok");
      if (resolution.kind !== "nonexistent") expect(formatInstant(resolution.instant)).toMatch(expected);
    }
  });

  it("finds a day that a zone skipped entirely nonexistent (Samoa, 30 December 2011)", () => {
    expect(resolveLocal(local("2011-12-30 10:00"), "Pacific/Apia")).toEqual({ kind: "nonexistent" });
    expect(resolveLocal(local("2011-12-31 10:00"), "Pacific/Apia").kind).toBe("ok");
  });

  it("handles a half-hour daylight-saving shift (Lord Howe Island)", () => {
    expect(resolveLocal(local("2026-10-04 02:15"), "Australia/Lord_Howe")).toEqual({ kind: "nonexistent" });
    const repeated = resolveLocal(local("2026-04-05 01:45"), "Australia/Lord_Howe");
    expect(repeated.kind).toBe("repeated");
    if (repeated.kind === "repeated")
      expect(formatInstant(repeated.instant)).toBe("2026-04-05T01:45:00+11:00");
  });
});

describe("formatInstant", () => {
  const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?(?:Z|[+-]\d{2}:\d{2})$/;

  it("writes ISO-8601 to the second with the offset in force, and no milliseconds when they are zero", () => {
    const instant = DateTime.fromISO("2026-01-23T10:00:00", { zone: "America/Mexico_City" });
    expect(formatInstant(instant)).toBe("2026-01-23T10:00:00-06:00");
    expect(formatInstant(instant)).toMatch(ISO_WITH_OFFSET);
  });

  it("keeps non-zero milliseconds", () => {
    const instant = DateTime.fromISO("2026-01-23T10:00:00.250", { zone: "Europe/Madrid" });
    expect(formatInstant(instant)).toBe("2026-01-23T10:00:00.250+01:00");
  });

  it("writes the instant's own offset, not the zone's offset at another time of year", () => {
    const winter = DateTime.fromISO("2026-01-23T10:00:00", { zone: "Europe/Madrid" });
    const summer = DateTime.fromISO("2026-07-23T10:00:00", { zone: "Europe/Madrid" });
    expect(formatInstant(winter)).toBe("2026-01-23T10:00:00+01:00");
    expect(formatInstant(summer)).toBe("2026-07-23T10:00:00+02:00");
  });

  it("writes fractional-hour offsets", () => {
    expect(formatInstant(DateTime.fromISO("2026-01-23T10:00:00", { zone: "Asia/Kathmandu" }))).toBe(
      "2026-01-23T10:00:00+05:45",
    );
    expect(formatInstant(DateTime.fromISO("2026-01-23T10:00:00", { zone: "Pacific/Chatham" }))).toBe(
      "2026-01-23T10:00:00+13:45",
    );
  });

  it("round-trips: parsing the output gives the same instant", () => {
    for (const zone of ["UTC", "Europe/London", "America/Santiago", "Australia/Sydney", "Asia/Kolkata"]) {
      const instant = DateTime.fromMillis(Date.UTC(2026, 3, 5, 1, 23, 45), { zone });
      const text = formatInstant(instant);
      expect(text, zone).toMatch(ISO_WITH_OFFSET);
      expect(Date.parse(text), zone).toBe(instant.toMillis());
    }
  });
});

describe("isValidZone", () => {
  it.each(["UTC", "Europe/Madrid", "America/Argentina/Buenos_Aires", "Pacific/Chatham"])(
    "accepts %s",
    (zone) => {
      expect(isValidZone(zone)).toBe(true);
    },
  );

  it.each(["", "Mars/Olympus_Mons", "Europe/Madird", "+02:00"])("rejects %j", (zone) => {
    expect(isValidZone(zone)).toBe(false);
  });
});

/** `name` with the letters whose bit is set in `mask` in the other case. */
function caseVariant(name: string, mask: number): string {
  let letter = 0;
  return [...name]
    .map((character) => {
      if (!/[a-z]/i.test(character)) return character;
      if (((mask >> letter++) & 1) === 0) return character;
      return character === character.toLowerCase() ? character.toUpperCase() : character.toLowerCase();
    })
    .join("");
}

describe("canonicalZone", () => {
  it.each([
    "America/Mexico_City",
    "America/Argentina/Buenos_Aires",
    "America/Port-au-Prince",
    "Antarctica/DumontDUrville",
    "Etc/GMT+2",
    "UTC",
  ])("gives every letter case of %s IANA's spelling", (zone) => {
    const variants = new Set(Array.from({ length: 200 }, (_, mask) => caseVariant(zone, mask * 7919)));
    variants.add(zone.toLowerCase()).add(zone.toUpperCase());
    expect(variants.size).toBeGreaterThan(4);
    for (const variant of variants) expect(canonicalZone(variant), variant).toBe(zone);
  });

  it.each([
    ["US/Eastern", "US/Eastern"],
    ["us/eastern", "US/Eastern"],
    ["US/EASTERN", "US/Eastern"],
    ["Asia/Kolkata", "Asia/Kolkata"],
    ["asia/calcutta", "Asia/Calcutta"],
    ["Europe/Kyiv", "Europe/Kyiv"],
    ["eUrOpE/kIeV", "Europe/Kiev"],
    ["etc/utc", "Etc/UTC"],
    ["zulu", "Zulu"],
  ])("keeps an IANA link as a link: %s is %s", (zone, spelled) => {
    expect(canonicalZone(zone)).toBe(spelled);
  });

  it("names a zone only the runtime knows (not in IANA's list) by the runtime's canonical name", () => {
    expect(canonicalZone("pst")).toBe("America/Los_Angeles");
    expect(canonicalZone("PST")).toBe("America/Los_Angeles");
    expect(canonicalZone("systemv/ast4")).toBe(canonicalZone("SystemV/AST4"));
  });

  it("answers a name Intl accepts, and the same name again (idempotent)", () => {
    for (const zone of ["us/eastern", "aMeRiCa/mExIcO_cItY", "pst", "etc/gmt-14", "Asia/Kolkata"]) {
      const spelled = canonicalZone(zone)!;
      expect(new Intl.DateTimeFormat("en", { timeZone: spelled }).resolvedOptions().timeZone).toBeTruthy();
      expect(canonicalZone(spelled)).toBe(spelled);
    }
  });

  it.each([
    "",
    " ",
    "Mars/Olympus_Mons",
    "Europe/Madird",
    "+02:00",
    "Z",
    "Etc/Unknown",
    "America/",
    "x".repeat(500),
  ])("answers null for %j", (zone) => {
    expect(canonicalZone(zone)).toBeNull();
    expect(isValidZone(zone)).toBe(false);
  });

  it("builds no Intl formatter for a case variant of an IANA identifier it has seen, nor for a malformed name", () => {
    expect(canonicalZone("Europe/Berlin")).toBe("Europe/Berlin");
    const built = vi.spyOn(Intl, "DateTimeFormat");
    try {
      for (let mask = 1; mask <= 500; mask++)
        expect(canonicalZone(caseVariant("Europe/Berlin", mask))).not.toBeNull();
      for (const name of [
        "+02:00",
        "Europe/Berlin ",
        "Europe/Berlin\u0000",
        "Ёurope/Berlin",
        "a".repeat(65),
      ]) {
        expect(canonicalZone(name)).toBeNull();
      }
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
  });

  it("hands luxon only canonical spellings, and keeps its caches within their bounds", () => {
    const created = vi.spyOn(IANAZone, "create");
    try {
      for (let mask = 1; mask <= 3000; mask++) {
        const variant = caseVariant("Europe/Madrid", mask);
        expect(resolveWallClock(local("2026-07-15 10:00"), variant)).toMatchObject({ kind: "ok" });
      }
      expect(new Set(created.mock.calls.map(([name]) => name))).toEqual(new Set(["Europe/Madrid"]));
    } finally {
      created.mockRestore();
    }
    const sizes = zoneCacheSizes();
    expect(sizes.spellings).toBeLessThanOrEqual(1000);
    expect(sizes.zones).toBeLessThanOrEqual(1000);
  });

  it("forgets offsets past their budget across zones", () => {
    // 25 zones of 10,000 minutes each: 250,000 offsets, past the budget of 200,000.
    let peak = 0;
    for (const zone of Intl.supportedValuesOf("timeZone").slice(0, 25)) {
      const cached = zoneFor(zone);
      for (let minute = 0; minute < 10_000; minute++) cached.offset(Date.UTC(2030, 0) + minute * 60_000);
      peak = Math.max(peak, zoneCacheSizes().offsets);
    }
    expect(peak).toBeGreaterThan(100_000);
    expect(peak).toBeLessThanOrEqual(200_000);
    expect(zoneFor("Europe/Madrid").offset(Date.UTC(2026, 6, 15))).toBe(120);
  });
});
