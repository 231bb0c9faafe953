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
    name: { en: 'Flagged events', zh: '告警标记事件数' }, formula: 'count(accepted events with flags received in the window)',
    description: { en: 'Accepted events that carry flags: dictionary warnings in warn mode, or an event time the collector corrected or could not correct.', zh: '被接收但带有标记的事件：警告模式下的字典警告，或采集端校正过（或无法校正）事件时间的事件。' },
  },
];
