// Line charts drawn with the bundled uPlot (global `uPlot`, loaded by admin.html), sized to their
// container and redrawn when it resizes.

export const PALETTE = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#0a7ea4"];

function latest(values) {
  for (let i = (values || []).length - 1; i >= 0; i--) {
    if (values[i] != null) return values[i];
  }
  return null;
}

function format(value, decimals) {
  return value == null ? "–" : value.toFixed(decimals);
}

/**
 * A time chart in `element`: `series` are {label, stroke?}; `setData([xsSeconds, ...ys])` draws
 * it (null values are gaps). `yDecimals` formats the values shown in the legend.
 */
export function timeChart(element, series, { yDecimals = 0, height = 180 } = {}) {
  const width = () => Math.max(240, element.clientWidth || 320);
  const options = {
    width: width(),
    height,
    scales: { x: { time: true } },
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    series: [
      {},
      ...series.map((s, i) => ({
        label: s.label,
        stroke: s.stroke || PALETTE[i % PALETTE.length],
        width: 2,
        spanGaps: true,
        // away from the cursor the legend shows the latest value
        value: (u, v, seriesIdx, idx) => format(idx == null ? latest(u.data[seriesIdx]) : v, yDecimals),
      })),
    ],
    axes: [{}, { size: 56 }],
  };
  const empty = [[], ...series.map(() => [])];
  const plot = new uPlot(options, empty, element);
  const observer = new ResizeObserver(() => plot.setSize({ width: width(), height }));
  observer.observe(element);
  return {
    plot,
    setData(data) {
      plot.setData(data);
    },
    destroy() {
      observer.disconnect();
      plot.destroy();
    },
  };
}
