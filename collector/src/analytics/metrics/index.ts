/** The metric dictionary, its JSON view and its Markdown rendering. */
export * from './metric-dictionary.js';
export { metricsJson, type MetricJson } from './metrics-json.js';
export { renderMetricsMarkdown } from './render-metrics-markdown.js';
export { isEngagedSession, ENGAGED_SESSION_RULE, type SessionActivity } from './engaged-session.js';
