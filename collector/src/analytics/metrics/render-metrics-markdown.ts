import { metricsJson, type MetricJson } from './metrics-json.js';

const UNIT_ZH: Record<string, string> = { count: '计数', ratio: '比率', currency: '金额', seconds: '秒' };
const DIRECTION: Record<string, string> = { higher_is_better: '↑ higher is better / 越高越好', lower_is_better: '↓ lower is better / 越低越好' };

/** Escapes the characters that would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(m: MetricJson): string {
  const name = `**${cell(m.name.en)}**<br>${cell(m.name.zh)}`;
  const description = `${cell(m.description.en)}<br>${cell(m.description.zh)}`;
  const unit = `${m.unit} / ${UNIT_ZH[m.unit]}`;
  return `| \`${m.id}\` | ${name} | \`${cell(m.formula)}\` | ${unit} | ${DIRECTION[m.direction]} | ${description} |`;
}

function table(metrics: MetricJson[]): string[] {
  return [
    '| id | Name / 名称 | Formula / 公式 | Unit / 单位 | Direction / 方向 | Description / 说明 |',
    '|---|---|---|---|---|---|',
    ...metrics.map(row),
  ];
}

/**
 * docs/metrics.md, rendered from the metric dictionary. Regenerate with
 * `npm run gen`; a test compares the file.
 */
export function renderMetricsMarkdown(): string {
  const { version, metrics } = metricsJson();
  return [
    '# Metrics / 指标',
    '',
    `<!-- Generated from collector/src/analytics/metrics (dictionary version ${version}). Do not edit by hand. -->`,
    '',
    'Every Maidian report, alert and API response uses these definitions. A ratio whose denominator is 0',
    '(ROI without cost, conversion rate without sessions) is **undefined** and returned as `null`, never 0.',
    '',
    'Maidian 的所有报表、告警和 API 都使用以下定义。分母为 0 的比率（无花费时的 ROI、无会话时的转化率）',
    '**无定义**，返回 `null`，而不是 0。',
    '',
    '## Base metrics / 基础指标',
    '',
    ...table(metrics.filter((m) => m.kind === 'base')),
    '',
    '## Derived metrics / 派生指标',
    '',
    ...table(metrics.filter((m) => m.kind === 'derived')),
    '',
    '## Engaged session / 互动会话',
    '',
    'A session is engaged (GA4) when it lasts at least 10 seconds, or has a conversion, or has at least',
    '2 page views. A bounce is a session that is not engaged.',
    '',
    '会话持续至少 10 秒、或发生转化、或至少 2 次页面浏览，即为互动会话（GA4 定义）；非互动会话即跳出。',
    '',
  ].join('\n');
}
