import type { MetricDefinition } from '../../analytics/metrics/metric-types.js';

/**
 * Data-quality metrics alerts can watch besides the metric dictionary's: how much incoming data
 * the collector had to quarantine or flag. They count by arrival time and ignore traffic filters.
 */
export const DATA_QUALITY_METRICS: readonly MetricDefinition[] = [
  {
    id: 'quarantined_events', kind: 'base', unit: 'count', direction: 'lower_is_better',
    name: { en: 'Quarantined events', zh: '隔离事件数' }, formula: 'count(quarantine rows received in the window)',
    description: { en: 'Events (or bodies) that failed validation and were quarantined.', zh: '未通过校验而被隔离的事件（或请求体）。' },
  },
  {
    id: 'flagged_events', kind: 'base', unit: 'count', direction: 'lower_is_better',
    name: { en: 'Flagged events', zh: '告警标记事件数' }, formula: 'count(accepted events with dictionary warnings received in the window)',
    description: { en: 'Events accepted in warn mode that broke the site dictionary.', zh: '以警告模式接收但违反站点字典的事件。' },
  },
];
