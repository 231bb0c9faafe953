/**
 * A review as one self-contained HTML page: inline CSS, charts as inline SVG, no script and no
 * external asset. Every text from data is escaped.
 */
import type { Money } from '../storage/sqlite/analytics/channels/get-breakdown.js';
import { barChartSvg } from './review-charts.js';
import { labels, MODEL_NAMES, type Lang } from './review-labels.js';
import type { CampaignReview, Headline } from './review-types.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(digits));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(2)}%`);
const money = (m: readonly Money[]) => (m.length ? m.map((x) => `${num(x.amount)} ${x.currency}`).join(' + ') : '0');

function table(head: string[], rows: (string | number)[][]): string {
  // A key–value table has no header row.
  const th = head.some((h) => h !== '') ? `<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>` : '';
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<table>${th}<tbody>${tr}</tbody></table>`;
}

function headlineRows(h: Headline, L: ReturnType<typeof labels>, currency: string): (string | number)[][] {
  return [
    [L.sessions, h.sessions], [L.users, h.users], [L.conversions, h.conversions], [L.conversionRate, pct(h.conversionRate)],
    [L.revenue, money(h.revenue)], [L.cost, `${num(h.cost)} ${currency}`], [L.attributedRevenue, `${num(h.attributedRevenue)} ${currency}`],
    [L.roi, pct(h.roi)], [L.roas, num(h.roas)], [L.cpa, h.cpa === null ? '—' : `${num(h.cpa)} ${currency}`],
  ];
}

function sections(r: CampaignReview, lang: Lang): string[] {
  const L = labels(lang);
  const cur = r.campaign.currency;
  const g = r.goals;
  const goalRows: (string | number)[][] = [];
  if (g.conversions) goalRows.push([L.goalConversions, `${g.conversions.actual} / ${g.conversions.goal}`, g.conversions.reached ? L.reached : L.missed]);
  if (g.roi) goalRows.push([L.targetRoi, `${pct(g.roi.actual)} / ${pct(g.roi.target)}`, g.roi.reached === null ? '—' : g.roi.reached ? L.reached : L.missed]);
  if (g.budget) goalRows.push([L.budget, `${num(g.budget.spent)} / ${num(g.budget.budget)} ${cur}`, pct(g.budget.share)]);
  const models = r.attribution.models;
  const out = [
    `<h2>${escapeHtml(L.headline)}</h2>${table(['', ''], headlineRows(r.headline, L, cur))}`,
    goalRows.length ? `<h2>${escapeHtml(L.goals)}</h2>${table(['', '', ''], goalRows)}` : '',
    `<h2>${escapeHtml(L.byUtmCampaign)}</h2>`,
    barChartSvg(r.byUtmCampaign.map((x) => x.key), [{ name: L.sessions, data: r.byUtmCampaign.map((x) => x.sessions) }, { name: L.conversions, data: r.byUtmCampaign.map((x) => x.conversions) }]),
    table([L.campaign, L.sessions, L.users, L.conversions, L.conversionRate, L.revenue], r.byUtmCampaign.map((x) => [x.key, x.sessions, x.users, x.conversions, pct(x.conversionRate), money(x.revenue)])),
    `<h2>${escapeHtml(L.sources)}</h2>`,
    table([L.source, L.conversions, L.revenue, L.cost, L.roi, L.roas], r.sources.map((s) => [s.key, num(s.conversions), money(s.revenue), money(s.cost), pct(s.figures[0]?.roi), num(s.figures[0]?.roas)])),
    `<h2>${escapeHtml(L.creatives)}</h2>`,
    table([L.creative, L.sessions, L.conversions, L.revenue], r.creatives.map((c) => [c.content, c.sessions, c.conversions, money(c.revenue)])),
    `<h2>${escapeHtml(L.attribution)}</h2>`,
    barChartSvg(models.map((m) => MODEL_NAMES[m]?.[lang] ?? m), r.attribution.rows.map((row) => ({ name: row.key, data: models.map((m) => round2(row.credits[m].conversions)) }))),
  ];
  if (r.funnel) {
    const steps = r.funnel.report.steps;
    out.push(`<h2>${escapeHtml(L.funnel)}: ${escapeHtml(r.funnel.name)}</h2>`, barChartSvg(steps.map((s) => s.label ?? s.event), [{ name: L.entrants, data: steps.map((s) => s.entrants) }]));
  }
  out.push(`<h2>${escapeHtml(L.alerts)}</h2>`, r.alerts.length ? table([L.rule, L.at, L.value], r.alerts.map((a) => [a.ruleName, a.at, num(a.value)])) : `<p>${escapeHtml(L.noAlerts)}</p>`);
  out.push(`<h2>${escapeHtml(L.previous)}</h2>`, previousSection(r, L, cur));
  return out;
}

function previousSection(r: CampaignReview, L: ReturnType<typeof labels>, cur: string): string {
  if (!r.previous) return `<p>${escapeHtml(L.noPrevious)}</p>`;
  const now = headlineRows(r.headline, L, cur);
  const before = headlineRows(r.previous.headline, L, cur);
  return `<p>${escapeHtml(r.previous.name)} (${escapeHtml(r.previous.from)} – ${escapeHtml(r.previous.to)})</p>` +
    table(['', L.thisCampaign, r.previous.name], now.map((row, i) => [row[0], row[1], before[i][1]]));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

const CSS = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2328}
h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.35rem .6rem;text-align:left}
th{background:#f6f8fa}svg{max-width:100%;height:auto}.meta{color:#59636e}`;

/** The review page in `lang`. */
export function renderReviewHtml(r: CampaignReview, version: number, lang: Lang): string {
  const L = labels(lang);
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(`${L.title}: ${r.campaign.name}`)}</title><style>${CSS}</style></head><body>` +
    `<h1>${escapeHtml(L.title)}: ${escapeHtml(r.campaign.name)}</h1>` +
    `<p class="meta">${escapeHtml(L.period)}: ${escapeHtml(r.period.from)} – ${escapeHtml(r.period.to)} (${escapeHtml(r.period.timezone)}) · v${version} · ${escapeHtml(L.generated)} ${escapeHtml(r.generatedAt)}</p>` +
    sections(r, lang).join('\n') + '</body></html>';
}
