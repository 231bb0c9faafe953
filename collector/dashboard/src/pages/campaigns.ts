/**
 * Campaign reviews: the site's campaigns, the review versions of the chosen one, and the chosen
 * review drawn from its JSON; a review can be generated now (admin token) and downloaded as the
 * self-contained HTML page in Chinese or English to pass on.
 */
import { apiBlob, apiGet, apiPost } from '../api.js';
import { askAdmin } from '../components/admin-dialog.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox, errorBox, loadInto, section, slot } from '../components/states.js';
import { h } from '../dom.js';
import { t, type Lang } from '../i18n.js';
import { formatDateTime, formatMoney, formatNumber } from '../format.js';
import type { PageContext } from '../routes.js';
import { setQuery } from '../router.js';
import { param } from '../state.js';
import { reviewView, type CampaignReview } from './campaign-review-view.js';

interface Campaign {
  id: string; name: string; utm_campaigns: string[]; start: string; end: string;
  budget?: number; currency: string; goal_conversions?: number; target_roi?: number;
}
interface ReviewVersion { version: number; createdAt: string; trigger: 'ended' | 'on_demand' | string }

/** Renders the campaign reviews page. */
export async function render(ctx: PageContext): Promise<void> {
  const { main, site, signal } = ctx;
  const list = slot('campaigns');
  main.append(h('h1', null, t('campaigns.title')), h('p', { class: 'intro' }, t('campaigns.intro')), section(t('campaigns.list'), list));
  let campaigns: Campaign[] = [];
  await loadInto(list, () => apiGet<{ campaigns: Campaign[] }>('/v1/campaigns', { site: site.id }, { signal }), (r) => {
    campaigns = r.campaigns;
    return campaignsTable(r.campaigns, chosenId(r.campaigns));
  }, signal);
  const chosen = campaigns.find((c) => c.id === chosenId(campaigns));
  if (!chosen || signal.aborted) return;
  const versions = slot('review-versions');
  const review = slot('review');
  const notice = h('div', { attrs: { 'aria-live': 'polite', 'data-slot': 'review-result' } });
  const generate = h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'generate' }, on: { click: () => void generateNow(chosen, notice, signal) } }, t('campaigns.generate'));
  main.append(section(t('campaigns.reviewsOf', { name: chosen.name }), h('div', { class: 'toolbar' }, generate), notice, versions, review));
  await loadInto(versions, () => apiGet<{ reviews: ReviewVersion[] }>(`/v1/campaigns/${encodeURIComponent(chosen.id)}/reviews`, {}, { signal }), (r) => {
    const version = chosenVersion(r.reviews);
    if (version !== null) void loadInto(review, () => apiGet<CampaignReview>(`/v1/campaigns/${encodeURIComponent(chosen.id)}/reviews/${version}`, {}, { signal }), (x) => reviewView(x, signal), signal);
    return versionsView(chosen, r.reviews, version, site.timezone, notice);
  }, signal);
}

function chosenId(campaigns: Campaign[]): string {
  const wanted = param('campaign');
  return campaigns.some((c) => c.id === wanted) ? wanted : campaigns[0]?.id ?? '';
}

function chosenVersion(reviews: ReviewVersion[]): number | null {
  const wanted = Number(param('version'));
  if (reviews.some((r) => r.version === wanted)) return wanted;
  return reviews.length ? Math.max(...reviews.map((r) => r.version)) : null;
}

function campaignsTable(items: Campaign[], chosen: string): HTMLElement {
  if (items.length === 0) return emptyBox(t('campaigns.none'));
  return dataTable(items, [
    { key: 'name', label: t('campaigns.col.name'), value: (c) => c.name, show: (c) => h('button', {
      class: 'linkish', attrs: { type: 'button', 'aria-pressed': c.id === chosen ? 'true' : 'false', 'data-campaign': c.id },
      on: { click: () => setQuery({ campaign: c.id, version: undefined }) },
    }, c.name) },
    { key: 'utm', label: t('campaigns.col.utm'), value: (c) => c.utm_campaigns.join(', ') },
    { key: 'period', label: t('campaigns.col.period'), value: (c) => c.start, show: (c) => `${c.start} – ${c.end}` },
    { key: 'budget', label: t('review.budget'), value: (c) => c.budget ?? null, numeric: true, show: (c) => formatMoney(c.budget, c.currency) },
    { key: 'goal', label: t('review.goalConversions'), value: (c) => c.goal_conversions ?? null, numeric: true, show: (c) => formatNumber(c.goal_conversions) },
  ], { caption: t('campaigns.list'), rowKey: (c) => c.id, name: 'campaigns', sortKey: 'period' });
}

function versionsView(c: Campaign, reviews: ReviewVersion[], version: number | null, timeZone: string, notice: HTMLElement): HTMLElement | HTMLElement[] {
  if (reviews.length === 0) return emptyBox(t('campaigns.noReviews'));
  const items = [...reviews].sort((a, b) => b.version - a.version).map((r) => h('li', null, h('button', {
    class: r.version === version ? 'button' : 'button secondary',
    attrs: { type: 'button', 'data-version': r.version, 'aria-pressed': r.version === version ? 'true' : 'false' },
    on: { click: () => setQuery({ campaign: c.id, version: String(r.version) }) },
  }, t('campaigns.version', { n: r.version, trigger: t(r.trigger === 'ended' ? 'campaigns.trigger.ended' : 'campaigns.trigger.onDemand'), at: formatDateTime(r.createdAt, timeZone) }))));
  const download = (lang: Lang) => h('button', {
    class: 'button secondary', attrs: { type: 'button', 'data-download': lang },
    on: { click: () => void downloadPage(c, version!, lang, notice) },
  }, t(lang === 'zh' ? 'campaigns.downloadZh' : 'campaigns.downloadEn'));
  return [h('ul', { class: 'versions', attrs: { 'aria-label': t('campaigns.versions') } }, ...items), h('div', { class: 'toolbar' }, download('zh'), download('en'))];
}

async function generateNow(c: Campaign, notice: HTMLElement, signal: AbortSignal): Promise<void> {
  const answer = await askAdmin({ confirm: t('campaigns.generate'), intro: t('campaigns.generateIntro', { name: c.name }) });
  if (!answer) return;
  try {
    const made = await apiPost<{ version: number }>(`/v1/campaigns/${encodeURIComponent(c.id)}/review`, {}, { token: answer.token, signal });
    setQuery({ campaign: c.id, version: String(made.version) });
  } catch (err) {
    notice.replaceChildren(errorBox(err));
  }
}

/** Saves the review page (fetched with the read token) as a file. */
async function downloadPage(c: Campaign, version: number, lang: Lang, notice: HTMLElement): Promise<void> {
  try {
    const blob = await apiBlob(`/v1/campaigns/${encodeURIComponent(c.id)}/reviews/${version}.html`, { lang });
    const url = URL.createObjectURL(blob);
    const a = h('a', { attrs: { href: url, download: `review-${c.id}-v${version}-${lang}.html` } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    notice.replaceChildren(errorBox(err));
  }
}
