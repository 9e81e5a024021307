// Reading a report back, for the tests: its charts as the page's script reads them, and the checks every
// report must pass (self-contained, uPlot and its licence inlined, every chart's columns of one length).
import { expect } from "vitest";
import type { ChartSpec } from "./chart.js";

/** The charts' JSON block, cut where the browser would end the script element, parsed as the page does. */
export function chartsIn(page: string): ChartSpec[] {
  const block = /<script type="application\/json" id="report-charts">([\s\S]*?)<\/script>/i.exec(page);
  expect(block, "the charts' JSON block").not.toBeNull();
  return JSON.parse(block![1]!) as ChartSpec[];
}

/** Opens from disk with no network; carries uPlot, its licence and a drawing place for every chart. */
export function expectSelfContained(page: string): ChartSpec[] {
  expect(page).not.toMatch(/https?:\/\//i);
  // No tag loads anything: no src attribute at all, and links only to anchors in the page.
  expect(page).not.toMatch(/<[a-z][^>]*\ssrc\s*=/i);
  for (const [, target] of page.matchAll(/<a\s[^>]*href\s*=\s*"([^"]*)"/gi)) expect(target).toMatch(/^#/);
  expect(page).not.toMatch(/<(link|iframe|img|object|embed)\b/i);
  expect(page).not.toMatch(/@import|url\(/i);
  expect(page).toContain("var uPlot=function()");
  expect(page).toContain(".uplot {");
  expect(page).toContain("Copyright (c) 2022 Leon Sorokin");
  const charts = chartsIn(page);
  for (const spec of charts) {
    expect(page).toContain(`id="${spec.id}" data-chart`);
    expect(spec.data, spec.id).toHaveLength(spec.series.length + 1);
    for (const column of spec.data) expect(column, spec.id).toHaveLength(spec.data[0]!.length);
  }
  return charts;
}
