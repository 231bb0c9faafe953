/**
 * ECharts, tree-shaken to the charts and components the dashboard draws. This module is its own
 * chunk: the shell and the table-only pages never download it.
 */
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkPointComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart, BarChart, FunnelChart, HeatmapChart, PieChart, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent,
  // The alert preview marks firing slots and firing spans on its chart.
  MarkPointComponent, MarkAreaComponent, CanvasRenderer,
]);

/** A drawn chart; dispose it when the page goes away. */
export interface ChartHandle {
  update(option: EChartsCoreOption): void;
  dispose(): void;
}

/**
 * Draws `option` into `el` and keeps it sized to its box. Tooltips are drawn on the canvas
 * (`renderMode: 'richText'`): HTML tooltips would put API text (channel and campaign names)
 * into markup, and their inline styles would break the page's Content-Security-Policy.
 */
export function mountChart(el: HTMLElement, option: EChartsCoreOption): ChartHandle {
  const chart = init(el, undefined, { renderer: 'canvas' });
  const safe = (o: EChartsCoreOption): EChartsCoreOption => ({
    ...o,
    tooltip: { trigger: 'axis', confine: true, ...(o.tooltip as object | undefined), renderMode: 'richText' },
  });
  chart.setOption(safe(option));
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  return {
    update: (o) => chart.setOption(safe(o), true),
    dispose: () => {
      observer.disconnect();
      chart.dispose();
    },
  };
}

export type { EChartsCoreOption };
