/** Funnels: ClickHouse-style window funnel matching and the per-step report. */
export * from './window-funnel.js';
export { summarizeFunnel, median, type FunnelStepSummary } from './summarize-funnel.js';
