/**
 * A chart block: a labelled figure whose ECharts chunk loads on first use. The figure gets an
 * accessible name; the figures themselves are always also in a table beside it.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { h } from '../dom.js';

/** Palette readable on white, distinguishable for common colour blindness (Okabe–Ito based). */
export const PALETTE = ['#2563eb', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#0072b2', '#6b7280', '#f0e442', '#7c3aed'];

/** A chart element that draws `option` once ECharts has loaded; disposed when `signal` aborts. */
export function chartBlock(label: string, option: EChartsCoreOption, signal: AbortSignal, height = 320): HTMLElement {
  const el = h('div', { class: 'chart', attrs: { role: 'img', 'aria-label': label, 'data-chart': label } });
  el.style.height = `${height}px`;
  void import('../charts/echarts-setup.js').then(({ mountChart }) => {
    if (signal.aborted) return;
    // Wait for layout, so the chart takes the width of its column.
    requestAnimationFrame(() => {
      if (signal.aborted || !el.isConnected) return;
      const handle = mountChart(el, { color: PALETTE, animation: false, ...option });
      el.dataset.ready = 'true';
      signal.addEventListener('abort', () => handle.dispose(), { once: true });
    });
  });
  return el;
}
