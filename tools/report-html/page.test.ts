// The report page and its JSON block: whatever a run's text holds ("</script>", markup, "&", line
// separators) reaches the page as text and reads back as the same value; the page is self-contained; a
// chart whose columns do not line up is refused.
import { describe, expect, it } from "vitest";
import { type ChartSpec, chart, chartFigure } from "./chart.js";
import { jsonForScript } from "./json-script.js";
import { renderPage } from "./page.js";
import { HOSTILE } from "./recorded-runs.js";
import { chartsIn, expectSelfContained } from "./report-checks.js";

const spec = (fields: Partial<ChartSpec> = {}): ChartSpec => ({
  id: "latency",
  title: `Latency ${HOSTILE}`,
  xLabel: "s",
  yLabel: "ms",
  series: [{ label: HOSTILE, color: "#000", style: "points" }],
  data: [
    [0, 1, 2],
    [5, null, 7],
  ],
  ...fields,
});

describe("jsonForScript", () => {
  it("leaves nothing that can end a script block and reads back as the same value", () => {
    const value = { text: `${HOSTILE} \u2028 \u2029 </script> </SCRIPT >`, list: [1, null, "a&b"] };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("renderPage", () => {
  const page = (charts: ChartSpec[], title = HOSTILE) =>
    renderPage({ title, subtitle: HOSTILE, body: chartFigure(charts[0]!), charts });

  it("escapes the run's text in the HTML and keeps it whole in the charts' JSON", () => {
    const html = page([spec()]);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;!--");
    expect(chartsIn(html)).toEqual([spec()]);
    // The only script ends are the three blocks' own.
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
  });

  it("is self-contained", () => {
    expectSelfContained(page([spec()]));
  });

  it("refuses two charts with one id", () => {
    expect(() => page([spec(), spec()])).toThrow("two charts share an id");
  });
});

describe("chart", () => {
  it("takes columns of one length, one per series after x", () => {
    expect(chart(spec())).toEqual(spec());
  });

  it("refuses a missing column or a short one", () => {
    expect(() => chart(spec({ data: [[0, 1, 2]] }))).toThrow("0 data columns for 1 series");
    expect(() => chart(spec({ data: [[0, 1, 2], [5]] }))).toThrow("columns of different lengths");
  });
});
