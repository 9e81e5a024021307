// A chart in a report: its data as a plain object (uPlot's aligned columns: x, then one column per series)
// and the place it is drawn in. Every chart of a page travels in one JSON block that render-charts.js
// reads to build the uPlot charts, so the page's HTML never carries data, only escaped text.
import { html } from "hono/html";

/** How a series is drawn. */
export type SeriesStyle = "line" | "step" | "points" | "bars";

export interface ChartSeries {
  label: string;
  color: string;
  style: SeriesStyle;
  /** A dashed line: reference lines (the runbook's thresholds) and rolling figures. */
  dashed?: boolean;
}

/** A vertical line across the chart at an x value (fault onset, fault cleared). */
export interface ChartMark {
  x: number;
  label: string;
}

export interface ChartSpec {
  /** The element the chart is drawn in; unique in the page. */
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  /** Column 0 is x (ascending), then one column per series, all of one length; null is a gap. */
  data: (number | null)[][];
  /** The x axis's extent, so a page's time charts line up; by default the data's. */
  xRange?: [number, number];
  /** Names of whole x values (categories: percentiles, loads); x is then 0, 1, 2... */
  xNames?: string[];
  /** Names of whole y values (states: closed, half-open, open); y is then 0, 1, 2... */
  yNames?: string[];
  /** A logarithmic y axis (latencies that span orders of magnitude). */
  yLog?: boolean;
  marks?: ChartMark[];
  /** A line under the chart saying how to read it. */
  note?: string;
}

/** Builds a chart, checking its columns line up (a mismatch is a bug in the report, not in the run). */
export function chart(spec: ChartSpec): ChartSpec {
  if (spec.data.length !== spec.series.length + 1) {
    throw new Error(
      `chart ${spec.id}: ${spec.data.length - 1} data columns for ${spec.series.length} series`,
    );
  }
  const length = spec.data[0]!.length;
  if (spec.data.some((column) => column.length !== length)) {
    throw new Error(`chart ${spec.id}: columns of different lengths`);
  }
  return spec;
}

/** Where a chart is drawn: a titled figure with an empty container the page's script fills. */
export function chartFigure(spec: ChartSpec) {
  return html`<figure class="chart">
<figcaption>${spec.title}</figcaption>
<div class="plot" id="${spec.id}" data-chart></div>
${spec.note === undefined ? "" : html`<p class="note">${spec.note}</p>`}
</figure>`;
}

/** A palette that stays readable on white, in a fixed order so a provider keeps its colour in a page. */
export const COLORS = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
];
