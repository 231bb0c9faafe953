/**
 * Charts of the review page, rendered on the server to inline SVG with ECharts' SSR renderer:
 * the page needs no script and no external asset. ECharts escapes the text it draws.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';

const require = createRequire(import.meta.url);
let echarts: typeof Echarts | undefined;
/** ECharts, loaded on first use: it adds ~75 MB to the collector's memory and only review pages need it. */
const charts = (): typeof Echarts => (echarts ??= require('echarts') as typeof Echarts);

/** One series of a bar chart. */
export interface BarSeries {
  name: string;
  data: number[];
}

/** A grouped bar chart as an SVG string. */
export function barChartSvg(categories: string[], series: BarSeries[], width = 720, height = 320): string {
  const chart = charts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, overflow: 'truncate', width: 120 } },
      yAxis: { type: 'value' },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
