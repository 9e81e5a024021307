// @ts-check
// The operations page's charts of the last hour (uPlot), each with its text alternative: a table of every
// line's latest and highest figures, which a screen reader reads instead of the canvas. A chart is drawn
// once and given new data at each refresh; it is drawn again only when its lines change (a provider's
// first call), and follows its container's width down to a phone's.
import { columnHeadings, element, replaceChildren } from "../dom.js";
import { chartSpecs, lineFigures } from "./chart-specs.js";
import { say } from "./language.js";
import { loadUplot } from "./uplot.js";

/** @typedef {import("./chart-specs.js").ChartSpec} ChartSpec */

const HEIGHT = 220;

/** Charts by id: the uPlot, the lines it was drawn with, and the figure's parts. */
/** @type {Map<string, { plot: import("uplot") | null, signature: string, frame: HTMLElement, table: HTMLTableElement, caption: HTMLElement, summary: HTMLElement }>} */
const drawn = new Map();
/** @type {ResizeObserver | null} */
let resizing = null;

/**
 * @param {HTMLElement} container
 * @param {any} timeline GET /admin/series's answer
 */
export async function renderCharts(container, timeline) {
  const specs = chartSpecs(timeline);
  // The tables first: they stand even when the charting script cannot load.
  for (const spec of specs) {
    let chart = drawn.get(spec.id);
    if (chart === undefined) {
      chart = newFigure(container, spec);
      drawn.set(spec.id, chart);
    }
    // Words too: the reader may have switched language since the last refresh.
    chart.caption.textContent = spec.title;
    chart.summary.textContent = say("chart.table");
    fillTable(chart.table, spec, timeline.scope);
  }
  const uPlot = await loadUplot();
  const times = timeline.minutes.map((/** @type {string} */ minute) => Date.parse(minute) / 1000);
  for (const spec of specs) {
    const chart = drawn.get(spec.id);
    if (chart === undefined) continue;
    const data = /** @type {import("uplot").AlignedData} */ ([
      times,
      ...spec.lines.map((line) => line.values),
    ]);
    const signature = spec.lines.map((line) => line.label).join("\n");
    if (chart.plot !== null && chart.signature === signature) {
      chart.plot.setData(data);
      continue;
    }
    chart.plot?.destroy();
    chart.signature = signature;
    chart.plot = new uPlot(options(spec, widthOf(chart.frame)), data, chart.frame);
  }
  resizing ??= new ResizeObserver(() => {
    for (const chart of drawn.values()) chart.plot?.setSize({ width: widthOf(chart.frame), height: HEIGHT });
  });
  resizing.observe(container);
}

/**
 * @param {HTMLElement} container
 * @param {ChartSpec} spec
 */
function newFigure(container, spec) {
  const frame = element("div", { class: "plot", "aria-hidden": "true" });
  const table = /** @type {HTMLTableElement} */ (element("table", { class: "figures" }));
  const summary = element("summary", {}, say("chart.table"));
  const caption = element("figcaption", {}, spec.title);
  const details = element("details", {}, summary, table);
  container.appendChild(
    element("figure", { id: `chart-${spec.id}`, class: "chart" }, caption, frame, details),
  );
  return { plot: null, signature: "", frame, table, caption, summary };
}

/**
 * @param {HTMLTableElement} table
 * @param {ChartSpec} spec
 * @param {string} scope
 */
function fillTable(table, spec, scope) {
  const rows = spec.lines.map((line) => {
    const figures = lineFigures(line);
    return element(
      "tr",
      {},
      element("th", { scope: "row" }, line.label),
      element("td", {}, spec.format(figures.latest)),
      element("td", {}, spec.format(figures.highest)),
      element("td", {}, String(figures.minutes)),
    );
  });
  const headings = [say("chart.line"), say("chart.latest"), say("chart.highest"), say("chart.minutes")];
  replaceChildren(
    table,
    element("caption", {}, `${spec.title} (${scope})`),
    columnHeadings(headings),
    element(
      "tbody",
      {},
      ...(rows.length > 0 ? rows : [element("tr", {}, element("td", { colspan: "4" }, say("chart.none")))]),
    ),
  );
}

/** @param {HTMLElement} frame */
function widthOf(frame) {
  return Math.max(240, frame.clientWidth);
}

/**
 * @param {ChartSpec} spec
 * @param {number} width
 * @returns {import("uplot").Options}
 */
function options(spec, width) {
  const format = (/** @type {unknown} */ _plot, /** @type {number | null} */ value) => spec.format(value);
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: true }, y: yScale(spec) },
    axes: [{}, { size: 70, values: (_plot, splits) => splits.map((split) => spec.format(split)) }],
    series: [
      {},
      ...spec.lines.map((line) => ({
        label: line.label,
        stroke: line.stroke,
        width: 2,
        ...(line.dash ? { dash: line.dash } : {}),
        // A rate's minute between idle ones (nulls) is a point, not a line, so it is drawn as one.
        points: { show: line.threshold !== true && line.values.includes(null), size: 6 },
        value: format,
      })),
    ],
  };
}

/**
 * Shares from 0 to at least 5%, confidence from 0 to 1, the rest from uPlot's own range.
 * @param {ChartSpec} spec
 * @returns {import("uplot").Scale}
 */
function yScale(spec) {
  const { range } = spec;
  if (range !== undefined) return { range: () => range };
  return spec.percent ? { range: (_plot, _min, max) => [0, Math.max(0.05, max)] } : {};
}
