/**
 * A campaign review drawn from its JSON (`GET /v1/campaigns/:id/reviews/:version`): headline,
 * goals, the utm_campaign values, sources, creatives, attribution models, funnel, alerts and the
 * previous campaign. Drawn natively rather than framing the review's HTML page: that page needs
 * the read token, which an iframe cannot send (see docs/dashboard.md).
 */
import { h } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatDateTime, formatMoney, formatMoneyList, formatMultiple, formatNumber, formatPercent } from '../format.js';
import type { Money } from '../series.js';
import type { ChannelRow, ModelId, MoneyCredit, RoiRow } from './channels-data.js';
import { alertsTable, attributionTable, creativesTable, funnelTable, sourcesTable, utmSection } from './campaign-review-tables.js';

/** The headline figures of a review. */
export interface ReviewHeadline {
  sessions: number; users: number; conversions: number; convertingSessions: number; conversionRate: number | null;
  revenue: Money[]; cost: number; attributedRevenue: number; attributedConversions: number;
  roi: number | null; roas: number | null; cpa: number | null;
}

/** A campaign review as the API answers (collector/src/campaigns/review-types.ts). */
export interface CampaignReview {
  version: number;
  campaign: { id: string; name: string; currency: string; utm_campaigns: string[] };
  period: { from: string; to: string; timezone: string };
  generatedAt: string;
  headline: ReviewHeadline;
  goals: {
    conversions: { goal: number; actual: number; reached: boolean } | null;
    roi: { target: number; actual: number | null; reached: boolean | null } | null;
    budget: { budget: number; spent: number; share: number | null } | null;
  };
  byUtmCampaign: ChannelRow[];
  sources: RoiRow[];
  creatives: { content: string; sessions: number; users: number; conversions: number; revenue: Money[] }[];
  attribution: { models: ModelId[]; rows: { key: string; credits: Record<ModelId, MoneyCredit> }[] };
  funnel: { id: string; name: string; report: { steps: { step: number; event: string; label?: string; entrants: number; conversionFromFirst: number | null }[] } } | null;
  alerts: { ruleId: string; ruleName: string; metric: string; at: string; value: number | null }[];
  previous: { id: string; name: string; from: string; to: string; headline: ReviewHeadline } | null;
}

/** The headline figures in display order, formatted in the campaign currency. */
export function headlineFigures(hl: ReviewHeadline, currency: string): [string, MessageKey, string][] {
  return [
    ['sessions', 'col.sessions', formatNumber(hl.sessions)],
    ['users', 'col.users', formatNumber(hl.users)],
    ['conversions', 'col.conversions', formatNumber(hl.conversions)],
    ['conversionRate', 'col.conversionRate', formatPercent(hl.conversionRate)],
    ['revenue', 'col.revenue', formatMoneyList(hl.revenue)],
    ['cost', 'col.cost', formatMoney(hl.cost, currency)],
    ['attributedRevenue', 'review.attributedRevenue', formatMoney(hl.attributedRevenue, currency)],
    ['roi', 'col.roi', formatPercent(hl.roi)],
    ['roas', 'col.roas', formatMultiple(hl.roas)],
    ['cpa', 'col.cpa', formatMoney(hl.cpa, currency)],
  ];
}

/** The whole review. */
export function reviewView(r: CampaignReview, signal: AbortSignal): HTMLElement {
  const cur = r.campaign.currency;
  return h('article', { class: 'review', attrs: { 'data-review': r.version } },
    h('p', { class: 'muted' }, t('review.meta', { from: r.period.from, to: r.period.to, timezone: r.period.timezone, version: r.version, generated: formatDateTime(r.generatedAt, r.period.timezone) })),
    h('h3', null, t('review.headline')),
    h('dl', { class: 'metrics', attrs: { 'data-slot': 'review-headline' } }, ...headlineFigures(r.headline, cur).map(([key, label, text]) =>
      h('div', { class: 'metric', attrs: { 'data-figure': key } }, h('dt', null, t(label)), h('dd', null, h('span', { class: 'value' }, text))))),
    goals(r),
    h('h3', null, t('review.byUtm')), utmSection(r.byUtmCampaign, signal),
    h('h3', null, t('review.sources')), sourcesTable(r.sources),
    h('h3', null, t('review.creatives')), creativesTable(r.creatives),
    h('h3', null, t('review.attribution')), attributionTable(r.attribution),
    r.funnel ? h('h3', null, t('review.funnel', { name: r.funnel.name })) : null,
    r.funnel ? funnelTable(r.funnel.report.steps) : null,
    h('h3', null, t('review.alerts')), alertsTable(r.alerts, r.period.timezone),
    h('h3', null, t('review.previous')), previous(r),
  );
}

function goals(r: CampaignReview): HTMLElement | null {
  const g = r.goals;
  const reached = (x: boolean | null) => (x === null ? '—' : t(x ? 'review.reached' : 'review.missed'));
  const rows: [string, string, string, string][] = [];
  if (g.conversions) rows.push(['conversions', t('review.goalConversions'), `${formatNumber(g.conversions.actual)} / ${formatNumber(g.conversions.goal)}`, reached(g.conversions.reached)]);
  if (g.roi) rows.push(['roi', t('review.targetRoi'), `${formatPercent(g.roi.actual)} / ${formatPercent(g.roi.target)}`, reached(g.roi.reached)]);
  if (g.budget) rows.push(['budget', t('review.budget'), `${formatMoney(g.budget.spent, r.campaign.currency)} / ${formatMoney(g.budget.budget, r.campaign.currency)}`, formatPercent(g.budget.share)]);
  if (rows.length === 0) return null;
  return h('div', null, h('h3', null, t('review.goals')), h('div', { class: 'table-wrap', attrs: { 'data-table': 'review-goals' } }, h('table', null,
    h('caption', null, t('review.goals')),
    h('tbody', null, ...rows.map(([key, label, figure, verdict]) => h('tr', { attrs: { 'data-key': key } },
      h('th', { attrs: { scope: 'row' } }, label), h('td', { class: 'num', attrs: { 'data-col': 'figure' } }, figure), h('td', { attrs: { 'data-col': 'verdict' } }, verdict)))))));
}

function previous(r: CampaignReview): HTMLElement {
  if (!r.previous) return h('p', { class: 'state empty' }, t('review.noPrevious'));
  const now = headlineFigures(r.headline, r.campaign.currency);
  const before = headlineFigures(r.previous.headline, r.campaign.currency);
  return h('div', { class: 'table-wrap', attrs: { 'data-table': 'review-previous' } }, h('table', null,
    h('caption', null, t('review.previous')),
    h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, ''), h('th', { attrs: { scope: 'col' } }, t('review.thisCampaign')),
      h('th', { attrs: { scope: 'col' } }, `${r.previous.name} (${r.previous.from} – ${r.previous.to})`))),
    h('tbody', null, ...now.map(([key, label, text], i) => h('tr', { attrs: { 'data-key': key } },
      h('th', { attrs: { scope: 'row' } }, t(label)), h('td', { class: 'num', attrs: { 'data-col': 'now' } }, text), h('td', { class: 'num', attrs: { 'data-col': 'before' } }, before[i][2]))))));
}
