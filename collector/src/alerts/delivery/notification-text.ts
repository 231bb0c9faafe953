/** The bilingual text of a notification, for chat bots and email. */
import type { AlertNotification } from '../alert-notification.js';

const TITLE = {
  'alert.fired': '告警触发 / Alert fired',
  'alert.recovered': '告警恢复 / Alert recovered',
} as const;

/** A short title, e.g. `[Maidian] 告警触发 / Alert fired: Paid search down`. */
export function notificationTitle(n: AlertNotification): string {
  return `[Maidian] ${TITLE[n.type]}: ${n.rule.name}`;
}

/** The value as people read it: ratios as percentages, money with two decimals. */
export function formatValue(value: number | null, unit: AlertNotification['metric']['unit']): string {
  if (value === null) return '—';
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'ratio') return `${(value * 100).toFixed(2)}%`;
  if (unit === 'currency' || unit === 'seconds') return value.toFixed(2);
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Text lines: metric and value, site, window, incident. */
export function notificationLines(n: AlertNotification): string[] {
  return [
    `指标 Metric: ${n.metric.name.zh} / ${n.metric.name.en} = ${formatValue(n.value, n.metric.unit)}`,
    `站点 Site: ${n.site}`,
    `时间窗 Window: ${n.window.start} – ${n.window.end} (${n.window.timezone})`,
    `事件 Incident: ${n.incidentId}`,
  ];
}

/** Title and lines as plain text. */
export function notificationText(n: AlertNotification): string {
  return [notificationTitle(n), ...notificationLines(n)].join('\n');
}
