// The announcements: each scenario's record in both languages against its snapshot (src/incidents/
// __snapshots__/*.md, read them as an on-call person would), then the rules behind the text at their edges:
// the severity's meaning, the "LLM down, nothing lost" line, next update against resolved, numbers per
// language, and values from the record that try to break the Markdown.
import { describe, expect, it } from "vitest";
import {
  ANNOUNCED_AT,
  incidentRecord,
  providerRecovery,
  SCENARIO_RECORDS,
} from "../../test/support/incident-scenario-records.js";
import { announcement } from "./announcement.js";
import { formatter } from "./announcement-format.js";
import { ANNOUNCEMENT_LANGUAGES, ANNOUNCEMENT_WORDS } from "./announcement-words.js";
import { SEVERITIES } from "./types.js";

describe("announcement snapshots", () => {
  for (const [scenario, record] of Object.entries(SCENARIO_RECORDS)) {
    for (const lang of ANNOUNCEMENT_LANGUAGES) {
      it(`${scenario} in ${lang}`, async () => {
        await expect(announcement(record, lang, ANNOUNCED_AT)).toMatchFileSnapshot(
          `__snapshots__/announcement-${scenario}.${lang}.md`,
        );
      });
    }
  }
});

describe("announcement", () => {
  it("gives each severity the runbook's meaning in both languages", () => {
    const meanings = {
      en: ["100% down", "over 50% errors", "over 20% errors", "slow but working"],
      es: [
        "caída total (100 %)",
        "más del 50 % de errores",
        "más del 20 % de errores",
        "va lento, pero funciona",
      ],
    };
    for (const lang of ANNOUNCEMENT_LANGUAGES) {
      SEVERITIES.forEach((severity, index) => {
        const text = announcement(incidentRecord({ severity }), lang, ANNOUNCED_AT);
        expect(text).toContain(`### [${severity}]`);
        expect(text).toContain(`${severity}, ${meanings[lang][index]}`);
      });
    }
  });

  it("says the service answered everything only while the LLM path is P1 and no answer was lost", () => {
    const down = SCENARIO_RECORDS["all-down"]!;
    expect(announcement(down, "en", ANNOUNCED_AT)).toContain("Cita answered every request");
    expect(announcement(down, "es", ANNOUNCED_AT)).toContain("Cita ha respondido a todas las peticiones");
    const oneLost = { ...down, impact: { ...down.impact, answersLost: 1 } };
    expect(announcement(oneLost, "en", ANNOUNCED_AT)).not.toContain("Cita answered every request");
    expect(announcement(oneLost, "en", ANNOUNCED_AT)).toContain("Answers lost (5xx): 1\n");
    const p2 = { ...down, basis: { ...down.basis, llm: "P2" as const } };
    expect(announcement(p2, "en", ANNOUNCED_AT)).not.toContain("Cita answered every request");
  });

  it("shows both readings of the severity: the LLM path's and the service's", () => {
    const record = incidentRecord({
      severity: "P2",
      basis: {
        requests: 1000,
        llmWanted: 900,
        llmFailed: 900,
        serviceErrors: 510,
        llmErrorRate: 1,
        serviceErrorRate: 0.51,
        llmP95Ms: null,
        llm: "P1",
        service: "P2",
      },
    });
    const text = announcement(record, "en", ANNOUNCED_AT);
    expect(text).toContain("LLM path: P1, 900 of 900 requests");
    expect(text).toContain("Service: P2, 510 of 1,000 requests answered with a server error (51%)");
  });

  it("announces the next update while open, and the resolution instead once resolved", () => {
    const open = announcement(incidentRecord(), "en", ANNOUNCED_AT);
    expect(open).toContain("\n\n**Next update:** Monday 2 March 2026, 10:45 UTC (2026-03-02T10:45:40.000Z)");
    expect(open).toContain("**Duration:** 27 min so far");
    expect(open).not.toContain("Resolved");
    const resolved = announcement(SCENARIO_RECORDS.resolved!, "es", ANNOUNCED_AT);
    expect(resolved).toContain(
      "\n\n**Resuelta:** lunes, 2 de marzo de 2026, 11:20 UTC (2026-03-02T11:20:30.000Z)",
    );
    expect(resolved).toContain("**Duración:** 1 h 05 min\n");
    expect(resolved).not.toContain("Próxima actualización");
    const unscheduled = announcement(incidentRecord({ nextUpdateAt: null }), "es", ANNOUNCED_AT);
    expect(unscheduled).toContain("**Próxima actualización:** sin programar");
  });

  it("escapes every value from the record, so a model name can neither format, link nor break a line", () => {
    const hostile = "m*x*_y_`z`[a](http://e.test)<b>&amp;|#~\\\nline\u2028two www.e.test";
    const record = incidentRecord({
      id: "inc_<script>",
      providers: [{ provider: "openai-compatible", model: hostile }],
      mitigations: [
        {
          kind: "failover",
          at: "2026-03-02T10:15:40.000Z",
          provider: "openai-compatible",
          model: hostile,
          detail: "",
        },
      ],
    });
    const plain = announcement(incidentRecord(), "en", ANNOUNCED_AT);
    const text = announcement(record, "en", ANNOUNCED_AT);
    expect(text.split("\n")).toHaveLength(plain.split("\n").length);
    const escaped =
      "m\\*x\\*\\_y\\_\\`z\\`\\[a\\](http\\://e.test)\\<b\\>\\&amp;\\|\\#\\~\\\\ line two www\\.e.test";
    expect(text).toContain(`openai-compatible (${escaped})`);
    expect(text).toContain("inc\\_\\<script\\>");
    // Past the heading's own "[P4]", no bracket, angle bracket or backtick is left unescaped.
    expect(text.split("\n").slice(1).join("\n")).not.toMatch(/[^\\][<[`]/u);
  });

  it("keeps to what the record holds: no type, provider or mitigation it does not name", () => {
    const text = announcement(
      incidentRecord({ types: [], providers: [], mitigations: [], recovery: null }),
      "en",
      ANNOUNCED_AT,
    );
    expect(text).toContain("**Type:** none");
    expect(text).toContain("**Providers and models:** none");
    expect(text).toContain("**What Cita did by itself**\n\n- none");
    expect(text).not.toContain("recovery check");
  });

  it("marks each recovery check passed or failed, and an unknown quota as unknown", () => {
    const failed = providerRecovery({
      latency: { p95Ms: null, limitMs: 5000, passed: false },
      passed: false,
    });
    const record = incidentRecord({
      recovery: { at: "2026-03-03T09:00:00.000Z", verdict: "failed", providers: [failed], reasons: [] },
    });
    const text = announcement(record, "en", ANNOUNCED_AT);
    expect(text).toContain("**Last recovery check:** failed (Tuesday 3 March 2026, 09:00 UTC)");
    expect(text).toContain(
      "- qwen (qwen-plus) ✗: 12 of 12 cases answered; p95 latency no answer (limit 5 s) ✗;",
    );
  });
});

describe("formatter", () => {
  const en = formatter(ANNOUNCEMENT_WORDS.en);
  const es = formatter(ANNOUNCEMENT_WORDS.es);

  it("groups thousands from four digits in English and from five in Spanish", () => {
    expect([en.count(999), en.count(1234), en.count(12_345), en.count(1_234_567)]).toEqual([
      "999",
      "1,234",
      "12,345",
      "1,234,567",
    ]);
    expect([es.count(999), es.count(1234), es.count(12_345), es.count(1_234_567)]).toEqual([
      "999",
      "1234",
      "12.345",
      "1.234.567",
    ]);
  });

  it("writes rates, fractions and latencies with each language's decimal mark", () => {
    expect([en.rate(0.2), en.rate(0.625), en.rate(1), en.rate(18 / 590)]).toEqual([
      "20%",
      "62.5%",
      "100%",
      "3.1%",
    ]);
    expect([es.rate(0.2), es.rate(0.625)]).toEqual(["20 %", "62,5 %"]);
    expect([en.fraction(0.8), es.fraction(0.64)]).toEqual(["0.80", "0,64"]);
    expect([en.latency(999), en.latency(1000), en.latency(15_240), es.latency(15_240)]).toEqual([
      "999 ms",
      "1 s",
      "15.2 s",
      "15,2 s",
    ]);
    expect([en.extraLatency(0), en.extraLatency(120), en.extraLatency(-30), en.extraLatency(-1200)]).toEqual([
      "+0 ms",
      "+120 ms",
      "-30 ms",
      "-1.2 s",
    ]);
  });

  it("writes durations in seconds, minutes, then hours and minutes", () => {
    expect([
      en.duration(59_999),
      en.duration(60_000),
      en.duration(3_599_999),
      en.duration(3_600_000),
      en.duration(-5),
    ]).toEqual(["59 s", "1 min", "59 min", "1 h 00 min", "0 s"]);
  });

  it("writes a time of the start's day as the hour, another day's in full, and leaves a bad time to the caller", () => {
    expect(en.clock("2026-03-02T23:59:00.000Z", "2026-03-02T10:15:00.000Z")).toBe("23:59 UTC");
    expect(en.clock("2026-03-03T00:00:00.000Z", "2026-03-02T10:15:00.000Z")).toBe(
      "Tuesday 3 March 2026, 00:00 UTC",
    );
    expect(es.human("2026-03-01T08:05:00+00:00")).toBe("domingo, 1 de marzo de 2026, 08:05 UTC");
    expect(en.human("soon")).toBeNull();
  });
});
