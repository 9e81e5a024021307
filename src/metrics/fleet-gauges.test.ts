// The incident gauges as one Node process shows them (read from the manager's status at each scrape, absent
// without a manager), and how the fleet's value is made of several isolates' on Workers: open if any isolate
// says so, the worst severity any reports, readings from another isolate checked one by one.
import { describe, expect, it } from "vitest";
import { sampleValue as value } from "../../test/support/exposition.js";
import type { Severity } from "../incidents/types.js";
import { createCitaMetrics } from "./cita.js";
import { combineReadings, type FleetReading, fleetReadingsOf, incidentReadings } from "./fleet-gauges.js";

const readings = (open: number, severity: number): FleetReading[] => [
  { name: "cita_incident_open", value: open },
  { name: "cita_incident_severity", value: severity },
];

describe("the incident gauges on one process", () => {
  it("read the manager's status at every scrape: 0 and 0, then open at its severity, then closed", () => {
    const metrics = createCitaMetrics();
    let status: { open: boolean; severity: Severity | null } = { open: false, severity: null };
    metrics.watchIncidents(() => status);
    let text = metrics.render();
    expect(value(text, "cita_incident_open")).toBe(0);
    expect(value(text, "cita_incident_severity")).toBe(0);
    status = { open: true, severity: "P3" };
    text = metrics.render();
    expect(value(text, "cita_incident_open")).toBe(1);
    expect(value(text, "cita_incident_severity")).toBe(3);
    status = { open: false, severity: null };
    expect(value(metrics.render(), "cita_incident_open")).toBe(0);
  });

  it("are absent without a manager (never watched, or its status null), their families still declared", () => {
    for (const watch of [false, true]) {
      const metrics = createCitaMetrics();
      if (watch) metrics.watchIncidents(() => null);
      const text = metrics.render();
      expect(text).toContain("# TYPE cita_incident_open gauge");
      expect(text).toContain("# TYPE cita_incident_severity gauge");
      expect(text).not.toMatch(/^cita_incident_(open|severity) /m);
      expect(metrics.fleetReadings()).toEqual([]);
    }
  });

  it("number the severities 1 to 4 for P1 to P4, and 0 while none is open", () => {
    expect(incidentReadings(null)).toEqual([]);
    expect(incidentReadings({ open: false, severity: null })).toEqual(readings(0, 0));
    // A status closing while its severity is still set shows no severity.
    expect(incidentReadings({ open: false, severity: "P2" })).toEqual(readings(0, 0));
    const severities: Severity[] = ["P1", "P2", "P3", "P4"];
    expect(severities.map((severity) => incidentReadings({ open: true, severity })[1]?.value)).toEqual([
      1, 2, 3, 4,
    ]);
  });
});

describe("the fleet's value", () => {
  it("is open if any isolate says so, at the worst severity any reports", () => {
    expect(combineReadings([readings(0, 0), readings(1, 4), readings(1, 2), readings(0, 0)])).toEqual(
      readings(1, 2),
    );
    expect(combineReadings([readings(1, 4), readings(0, 0)])).toEqual(readings(1, 4));
    expect(combineReadings([readings(0, 0), readings(0, 0)])).toEqual(readings(0, 0));
  });

  it("is absent when no isolate reported, and a gauge only some reported comes from those", () => {
    expect(combineReadings([])).toEqual([]);
    expect(combineReadings([[], []])).toEqual([]);
    expect(combineReadings([[], [{ name: "cita_incident_open", value: 1 }]])).toEqual([
      { name: "cita_incident_open", value: 1 },
    ]);
  });

  it("takes from another isolate only known gauges with a value from 0 to 4, the last of a name winning", () => {
    expect(
      fleetReadingsOf([
        { name: "cita_incident_open", value: 0 },
        { name: "cita_incident_open", value: 1 },
        { name: "router_degraded", value: 1 },
        { name: "toString", value: 1 },
        { name: "cita_incident_severity", value: 5 },
        { name: "cita_incident_severity", value: -1 },
        { name: "cita_incident_severity", value: Number.NaN },
        { name: "cita_incident_severity", value: "2" },
        null,
        "cita_incident_open",
      ]),
    ).toEqual([{ name: "cita_incident_open", value: 1 }]);
    expect(fleetReadingsOf({ cita_incident_open: 1 })).toEqual([]);
    expect(fleetReadingsOf(readings(1, 4))).toEqual(readings(1, 4));
  });
});
