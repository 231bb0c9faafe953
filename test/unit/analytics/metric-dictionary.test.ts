import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEngagedSession } from '../../../collector/src/analytics/metrics/engaged-session.js';
import { computeMetric, getMetric, METRICS } from '../../../collector/src/analytics/metrics/metric-dictionary.js';
import { metricsJson } from '../../../collector/src/analytics/metrics/metrics-json.js';
import { renderMetricsMarkdown } from '../../../collector/src/analytics/metrics/render-metrics-markdown.js';
const METRICS_DOC_PATH = new URL('../../../docs/metrics.md', import.meta.url);

describe('metric dictionary', () => {
  it('has the metrics the reports need, each fully described', () => {
    const ids = METRICS.map((m) => m.id);
    for (const id of ['page_views', 'visitors', 'sessions', 'bounce_rate', 'engaged_sessions', 'average_session_duration', 'conversions', 'conversion_rate', 'revenue', 'average_order_value', 'cost', 'roi', 'roas', 'cpa', 'cpc', 'ctr', 'funnel_step_conversion']) {
      expect(ids, id).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of METRICS) {
      expect(m.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(m.name.zh, m.id).toMatch(/[\u4e00-\u9fff]/);
      expect(m.description.zh, m.id).toMatch(/[\u4e00-\u9fff]/);
      expect(m.formula.length, m.id).toBeGreaterThan(0);
      expect(Boolean(m.compute), m.id).toBe(m.kind === 'derived');
    }
  });

  it('derived metrics read only base metrics', () => {
    for (const m of METRICS.filter((x) => x.kind === 'derived')) {
      for (const input of m.inputs ?? []) expect(getMetric(input)?.kind, `${m.id} reads ${input}`).toBe('base');
    }
  });

  it('computes the formulas', () => {
    // ROI = (1500 − 500) / 500 = 2; ROAS = 1500 / 500 = 3; CPA = 500 / 20 = 25; CPC = 500 / 250 = 2;
    // CTR = 250 / 10 000 = 0.025; AOV = 1500 / 20 = 75.
    const ads = { revenue: 1500, cost: 500, conversions: 20, clicks: 250, impressions: 10_000 };
    expect(computeMetric('roi', ads)).toBe(2);
    expect(computeMetric('roas', ads)).toBe(3);
    expect(computeMetric('cpa', ads)).toBe(25);
    expect(computeMetric('cpc', ads)).toBe(2);
    expect(computeMetric('ctr', ads)).toBe(0.025);
    expect(computeMetric('average_order_value', ads)).toBe(75);
    // 200 sessions, 150 engaged, 30 converting, 36 000 s in total:
    // bounce = 50 / 200 = 0.25; engagement = 0.75; conversion rate = 0.15; average duration = 180 s.
    const site = { sessions: 200, engaged_sessions: 150, converting_sessions: 30, session_duration_total: 36_000 };
    expect(computeMetric('bounce_rate', site)).toBe(0.25);
    expect(computeMetric('engagement_rate', site)).toBe(0.75);
    expect(computeMetric('conversion_rate', site)).toBe(0.15);
    expect(computeMetric('average_session_duration', site)).toBe(180);
    // 40 of 160 people reach the next step: 0.25.
    expect(computeMetric('funnel_step_conversion', { funnel_step_users: 40, funnel_previous_step_users: 160 })).toBe(0.25);
  });

  it('is null, not 0 or Infinity, when the denominator is 0 or an input is missing', () => {
    expect(computeMetric('roi', { revenue: 100, cost: 0 })).toBeNull();
    expect(computeMetric('roas', { revenue: 100, cost: 0 })).toBeNull();
    expect(computeMetric('cpa', { cost: 10, conversions: 0 })).toBeNull();
    expect(computeMetric('ctr', { clicks: 0, impressions: 0 })).toBeNull();
    expect(computeMetric('bounce_rate', { sessions: 0, engaged_sessions: 0 })).toBeNull();
    expect(computeMetric('roi', { revenue: 100 })).toBeNull();
    expect(computeMetric('roi', { revenue: Number.NaN, cost: 5 })).toBeNull();
    // A zero numerator is a real 0: no revenue on 50 of cost is ROI −1.
    expect(computeMetric('roi', { revenue: 0, cost: 50 })).toBe(-1);
  });

  it('rejects unknown and base metrics by name', () => {
    expect(() => computeMetric('profit', {})).toThrow('/metric: "profit" is not a derived metric');
    expect(() => computeMetric('sessions', {})).toThrow('is not a derived metric');
  });
});

describe('engaged session (GA4)', () => {
  it('needs 10 s, or a conversion, or 2 page views', () => {
    expect(isEngagedSession({ durationMs: 10_000, pageViews: 1, conversions: 0 })).toBe(true);
    expect(isEngagedSession({ durationMs: 9_999, pageViews: 1, conversions: 0 })).toBe(false);
    expect(isEngagedSession({ durationMs: 0, pageViews: 2, conversions: 0 })).toBe(true);
    expect(isEngagedSession({ durationMs: 0, pageViews: 1, conversions: 1 })).toBe(true);
  });
});

describe('JSON view and generated document', () => {
  it('the JSON view is plain data with no functions', () => {
    const json = metricsJson();
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.metrics.find((m) => m.id === 'roi')).toMatchObject({ formula: '(revenue − cost) / cost', unit: 'ratio', inputs: ['revenue', 'cost'] });
  });

  it('docs/metrics.md is up to date (regenerate with npm run gen)', () => {
    expect(readFileSync(METRICS_DOC_PATH, 'utf8')).toBe(renderMetricsMarkdown());
  });

  it('the document lists every metric id', () => {
    const doc = renderMetricsMarkdown();
    for (const m of METRICS) expect(doc).toContain(`| \`${m.id}\` |`);
  });
});
