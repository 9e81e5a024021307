// Runs in the report page, offline: builds every chart described in the JSON block #report-charts (see
// chart.ts) with the uPlot inlined above it. Text from the run reaches the page only through uPlot's
// labels and textContent, never as markup. When done, <body data-charts="N"> says how many were drawn.
(() => {
  const block = document.getElementById("report-charts");
  const specs = block === null ? [] : JSON.parse(block.textContent);
  const HEIGHT = 280;

  /** Axis labels for whole values that name something (a state, a percentile); nothing between them. */
  const named = (names) => (_plot, splits) =>
    splits.map((value) => (Number.isInteger(value) && names[value] !== undefined ? names[value] : ""));
  const categories = (names) => ({
    range: [-0.5, names.length - 0.5],
    splits: () => names.map((_name, index) => index),
    values: named(names),
  });

  function seriesOptions(series, barIndex) {
    const common = { label: series.label, stroke: series.color, width: 1.5 };
    if (series.dashed) common.dash = [6, 4];
    switch (series.style) {
      case "step":
        return { ...common, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } };
      case "points":
        return { ...common, paths: () => null, points: { show: true, size: 6, fill: series.color } };
      case "bars":
        // Two bar series share a category side by side: the first to the left of it, the next to the right.
        return {
          ...common,
          fill: `${series.color}aa`,
          paths: uPlot.paths.bars({ size: [0.35, 60], align: barIndex % 2 === 0 ? -1 : 1 }),
          points: { show: false },
        };
      default:
        return { ...common, points: { show: false } };
    }
  }

  /** Vertical dashed lines with their labels (fault onset, fault cleared). */
  const drawMarks = (marks) => (plot) => {
    const { ctx, bbox } = plot;
    const ratio = window.devicePixelRatio || 1;
    ctx.save();
    ctx.strokeStyle = "#444";
    ctx.fillStyle = "#222";
    ctx.font = `${12 * ratio}px sans-serif`;
    ctx.setLineDash([4 * ratio, 4 * ratio]);
    for (const mark of marks) {
      const x = plot.valToPos(mark.x, "x", true);
      ctx.beginPath();
      ctx.moveTo(x, bbox.top);
      ctx.lineTo(x, bbox.top + bbox.height);
      ctx.stroke();
      ctx.fillText(mark.label, x + 4 * ratio, bbox.top + 14 * ratio);
    }
    ctx.restore();
  };

  function build(spec, target) {
    let bars = 0;
    const series = [{ label: spec.xLabel }];
    for (const each of spec.series) series.push(seriesOptions(each, each.style === "bars" ? bars++ : 0));
    const xAxis = { label: spec.xLabel };
    const yAxis = { label: spec.yLabel, size: spec.yNames ? 90 : 60 };
    const scales = { x: { time: false }, y: {} };
    if (spec.xRange) scales.x.range = spec.xRange;
    if (spec.xNames) {
      const { range, splits, values } = categories(spec.xNames);
      scales.x.range = range;
      Object.assign(xAxis, { splits, values });
    }
    if (spec.yNames) {
      const { range, splits, values } = categories(spec.yNames);
      scales.y.range = range;
      Object.assign(yAxis, { splits, values });
    }
    if (spec.yLog) Object.assign(scales.y, { distr: 3, log: 10 });
    // Bars are read against zero.
    else if (spec.series.some((each) => each.style === "bars"))
      scales.y.range = (_plot, _min, max) => [0, max * 1.1];
    const options = {
      width: Math.max(320, target.clientWidth),
      height: HEIGHT,
      series,
      axes: [xAxis, yAxis],
      scales,
      hooks: { draw: [drawMarks(spec.marks ?? [])] },
    };
    return new uPlot(options, spec.data, target);
  }

  let drawn = 0;
  for (const spec of specs) {
    const target = document.getElementById(spec.id);
    if (target === null) continue;
    if (spec.data[0].length === 0) {
      target.textContent = "No data recorded for this chart.";
      continue;
    }
    build(spec, target);
    drawn += 1;
  }
  document.body.dataset.charts = String(drawn);
})();
