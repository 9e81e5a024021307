import { describe, expect, it } from "vitest";
import { checkSlot, freeSlots, nearestFreeSlots } from "./availability.js";
import type { Booking, Calendar } from "./types.js";

// Europe/Madrid: 2026-01-26 is a Monday (+01:00); clocks go from 02:00 to 03:00 on Sunday 2026-03-29.
const madrid: Calendar = {
  id: "perez",
  name: "Dr. Pérez",
  timezone: "Europe/Madrid",
  slotMinutes: 30,
  bufferMinutes: 0,
  openingHours: {
    monday: [
      { from: "09:00", to: "11:00" },
      { from: "16:00", to: "18:00" },
    ],
    tuesday: [{ from: "09:00", to: "11:00" }],
    wednesday: [{ from: "09:00", to: "11:00" }],
    sunday: [{ from: "01:00", to: "04:00" }],
  },
  closures: [{ from: "2026-12-24", to: "2026-12-26" }],
};

function booking(start: string, end: string, status: Booking["status"] = "confirmed"): Booking {
  return {
    id: `b-${start}`,
    calendarId: madrid.id,
    start,
    end,
    contact: null,
    service: null,
    notes: null,
    status,
    createdAt: "2026-01-01T00:00:00+01:00",
  };
}

const at = (iso: string) => Date.parse(iso);
const starts = (slots: { start: string }[]) => slots.map((slot) => slot.start);

describe("freeSlots", () => {
  it("lists grid slots inside the opening hours, without confirmed bookings", () => {
    const bookings = [
      booking("2026-01-26T09:30:00+01:00", "2026-01-26T10:00:00+01:00"),
      booking("2026-01-26T10:00:00+01:00", "2026-01-26T10:30:00+01:00", "cancelled"),
    ];
    const slots = freeSlots(
      madrid,
      bookings,
      at("2026-01-26T00:00:00+01:00"),
      at("2026-01-27T00:00:00+01:00"),
    );
    expect(starts(slots)).toEqual([
      "2026-01-26T09:00:00+01:00",
      "2026-01-26T10:00:00+01:00",
      "2026-01-26T10:30:00+01:00",
      "2026-01-26T16:00:00+01:00",
      "2026-01-26T16:30:00+01:00",
      "2026-01-26T17:00:00+01:00",
      "2026-01-26T17:30:00+01:00",
    ]);
    expect(slots[0]).toEqual({ start: "2026-01-26T09:00:00+01:00", end: "2026-01-26T09:30:00+01:00" });
  });

  it("keeps the buffer free around bookings", () => {
    const buffered = { ...madrid, bufferMinutes: 10 };
    const bookings = [booking("2026-01-27T10:00:00+01:00", "2026-01-27T10:30:00+01:00")];
    const slots = freeSlots(
      buffered,
      bookings,
      at("2026-01-27T00:00:00+01:00"),
      at("2026-01-28T00:00:00+01:00"),
    );
    expect(starts(slots)).toEqual(["2026-01-27T09:00:00+01:00"]);
  });

  it("skips the wall-clock times a spring-forward day does not have", () => {
    const slots = freeSlots(madrid, [], at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00"));
    expect(starts(slots)).toEqual([
      "2026-03-29T01:00:00+01:00",
      "2026-03-29T01:30:00+01:00",
      "2026-03-29T03:00:00+02:00",
      "2026-03-29T03:30:00+02:00",
    ]);
    expect(slots[1]).toEqual({ start: "2026-03-29T01:30:00+01:00", end: "2026-03-29T03:00:00+02:00" });
  });

  it("uses the offset in force on each date", () => {
    const slots = freeSlots(madrid, [], at("2026-03-30T09:00:00+02:00"), at("2026-03-30T09:30:00+02:00"));
    expect(slots).toEqual([{ start: "2026-03-30T09:00:00+02:00", end: "2026-03-30T09:30:00+02:00" }]);
  });

  it("has nothing on closure days (inclusive) or on weekdays without hours", () => {
    const closed = freeSlots(madrid, [], at("2026-12-23T12:00:00+01:00"), at("2026-12-27T00:00:00+01:00"));
    expect(closed).toEqual([]);
    const saturday = freeSlots(madrid, [], at("2026-01-31T00:00:00+01:00"), at("2026-02-01T00:00:00+01:00"));
    expect(saturday).toEqual([]);
  });
});

describe("checkSlot", () => {
  const bookings = [booking("2026-01-26T10:00:00+01:00", "2026-01-26T10:30:00+01:00")];
  const check = (start: string, minutes = 30) =>
    checkSlot(madrid, bookings, at(start), at(start) + minutes * 60_000);

  it("tells each reason apart", () => {
    expect(check("2026-01-26T09:00:00+01:00")).toBe("free");
    expect(check("2026-01-26T09:00:00+01:00", 60)).toBe("free");
    expect(check("2026-01-26T10:00:00+01:00")).toBe("conflict");
    expect(check("2026-01-26T09:30:00+01:00", 60)).toBe("conflict");
    expect(check("2026-01-26T12:00:00+01:00")).toBe("outside_hours");
    expect(check("2026-01-26T10:30:00+01:00", 60)).toBe("outside_hours");
    expect(check("2026-01-26T09:15:00+01:00")).toBe("off_grid");
    expect(check("2026-01-31T10:00:00+01:00")).toBe("closed");
    expect(check("2026-12-24T10:00:00+01:00")).toBe("closed");
    expect(check("2026-12-26T10:00:00+01:00")).toBe("closed");
  });

  it("checks the opening hours on a daylight-saving day in wall-clock time", () => {
    expect(check("2026-03-29T03:00:00+02:00")).toBe("free");
    expect(check("2026-03-29T03:30:00+02:00")).toBe("free");
    expect(check("2026-03-29T03:30:00+02:00", 60)).toBe("outside_hours");
    expect(check("2026-03-30T09:00:00+02:00")).toBe("free");
    expect(check("2026-03-30T08:30:00+02:00")).toBe("outside_hours");
  });
});

describe("nearestFreeSlots", () => {
  const options = { count: 3, sameDayFirst: true, horizonDays: 14 };
  const busyMonday = [
    booking("2026-01-26T09:00:00+01:00", "2026-01-26T10:00:00+01:00"),
    booking("2026-01-26T10:30:00+01:00", "2026-01-26T11:00:00+01:00"),
  ];

  it("offers the requested day first, nearest first", () => {
    const slots = nearestFreeSlots(madrid, busyMonday, at("2026-01-26T09:30:00+01:00"), 30, options);
    expect(starts(slots)).toEqual([
      "2026-01-26T10:00:00+01:00",
      "2026-01-26T16:00:00+01:00",
      "2026-01-26T16:30:00+01:00",
    ]);
  });

  it("respects a part of the day and a weekday", () => {
    const afternoon = nearestFreeSlots(madrid, busyMonday, at("2026-01-26T09:30:00+01:00"), 30, {
      ...options,
      partOfDay: "morning",
    });
    expect(starts(afternoon)).toEqual([
      "2026-01-26T10:00:00+01:00",
      "2026-01-27T09:00:00+01:00",
      "2026-01-27T09:30:00+01:00",
    ]);
    const wednesdays = nearestFreeSlots(madrid, busyMonday, at("2026-01-26T09:30:00+01:00"), 60, {
      ...options,
      weekday: 3,
    });
    expect(starts(wednesdays)).toEqual([
      "2026-01-28T09:00:00+01:00",
      "2026-01-28T09:30:00+01:00",
      "2026-01-28T10:00:00+01:00",
    ]);
  });

  it("moves past a closure and never offers the past", () => {
    const slots = nearestFreeSlots(madrid, [], at("2026-12-24T10:00:00+01:00"), 30, {
      ...options,
      partOfDay: "morning",
      notBeforeMs: at("2026-12-20T00:00:00+01:00"),
    });
    // Dec 24-26 are closed, Dec 27 is a Sunday (01:00-04:00), Dec 28 a Monday.
    expect(starts(slots)).toEqual([
      "2026-12-27T01:00:00+01:00",
      "2026-12-27T01:30:00+01:00",
      "2026-12-27T02:00:00+01:00",
    ]);
    const later = nearestFreeSlots(madrid, [], at("2026-01-26T09:00:00+01:00"), 30, {
      ...options,
      notBeforeMs: at("2026-01-26T10:15:00+01:00"),
    });
    expect(starts(later)).toEqual([
      "2026-01-26T10:30:00+01:00",
      "2026-01-26T16:00:00+01:00",
      "2026-01-26T16:30:00+01:00",
    ]);
  });
});
