// @ts-check
// What the operations page charts from GET /admin/series: per chart its lines (a column of the timeline
// each), their colours and how their values are written. The runbooks' latency thresholds (p95 over 5 s a
// warning, over 10 s critical; docs/runbooks/high-latency.md) are drawn as two lines of their own.
import { count, decimal, dollars, duration, percent } from "./format.js";
import { say } from "./language.js";

/**
 * @typedef {{ label: string, values: (number | null)[], stroke: string, dash?: number[], threshold?: boolean }} Line
 * @typedef {{ id: string, title: string, lines: Line[], format: (value: number | null) => string, percent?: boolean, range?: [number, number] }} ChartSpec
 */

const WARNING_MS = 5_000;
const CRITICAL_MS = 10_000;

/** Distinct on white at 3:1 or more (WCAG's figure for graphics). */
const PALETTE = ["#1f5fa8", "#b3261e", "#2e7d32", "#6a3d9a", "#8a5a00", "#00707a"];
const DASHES = { p50: [2, 4], p95: undefined, p99: [10, 4] };

/**
 * @param {any} timeline GET /admin/series's answer
 * @returns {ChartSpec[]}
 */
export function chartSpecs(timeline) {
  /** @type {any[]} */
  const providers = timeline.providers;
  const color = (/** @type {number} */ index) => PALETTE[index % PALETTE.length] ?? "#333333";
  const name = (/** @type {any} */ target) => `${target.provider}/${target.model}`;
  /** @param {string} column */
  const perProvider = (column) =>
    providers.map((target, index) => ({ label: name(target), values: target[column], stroke: color(index) }));
  const flat = (/** @type {number} */ value) => timeline.minutes.map(() => value);
  return [
    {
      id: "latency",
      title: say("chart.latency"),
      format: duration,
      lines: [
        ...providers.flatMap((target, index) =>
          /** @type {const} */ (["p50", "p95", "p99"]).map((quantile) => ({
            label: `${name(target)} ${quantile}`,
            values: target[`${quantile}Ms`],
            stroke: color(index),
            ...(DASHES[quantile] ? { dash: DASHES[quantile] } : {}),
          })),
        ),
        {
          label: say("chart.warning"),
          values: flat(WARNING_MS),
          stroke: "#8a5a00",
          dash: [6, 6],
          threshold: true,
        },
        {
          label: say("chart.critical"),
          values: flat(CRITICAL_MS),
          stroke: "#b3261e",
          dash: [6, 6],
          threshold: true,
        },
      ],
    },
    {
      id: "errors",
      title: say("chart.errors"),
      format: percent,
      percent: true,
      lines: perProvider("errorRate"),
    },
    {
      id: "timeouts",
      title: say("chart.timeouts"),
      format: percent,
      percent: true,
      lines: perProvider("timeoutRate"),
    },
    {
      id: "rate-limits",
      title: say("chart.rateLimits"),
      format: count,
      lines: perProvider("rateLimited"),
    },
    {
      id: "confidence",
      title: say("chart.confidence"),
      format: decimal,
      range: [0, 1],
      lines: [
        ...perProvider("confidence"),
        { label: say("chart.parseAnswers"), values: timeline.confidence, stroke: "#333333", dash: [4, 3] },
      ],
    },
    {
      id: "cache",
      title: say("chart.cache"),
      format: percent,
      percent: true,
      lines: [
        { label: say("chart.hitsPerLookup"), values: timeline.cacheHitRate, stroke: PALETTE[0] ?? "#1f5fa8" },
      ],
    },
    {
      id: "requests",
      title: say("chart.requests"),
      format: count,
      lines: [
        { label: say("chart.requestsLine"), values: timeline.requests, stroke: PALETTE[2] ?? "#2e7d32" },
      ],
    },
    {
      id: "cost",
      title: say("chart.cost"),
      format: dollars,
      lines: [
        { label: say("chart.allProviders"), values: timeline.costUsd, stroke: PALETTE[3] ?? "#6a3d9a" },
      ],
    },
  ];
}

/**
 * A line's figures in words, for the text alternative: the latest minute with data and the highest.
 * @param {Line} line
 * @returns {{ latest: number | null, highest: number | null, minutes: number }}
 */
export function lineFigures(line) {
  const present = line.values.filter((value) => value !== null);
  return {
    latest: present.at(-1) ?? null,
    highest: present.length === 0 ? null : Math.max(...present),
    minutes: present.length,
  };
}
