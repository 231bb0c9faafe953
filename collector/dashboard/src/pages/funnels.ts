/**
 * Funnels: build steps from the dictionary's event names (or open a saved funnel), then see each
 * step's entrants, conversion, drop-off and median time to convert, as a chart and a table,
 * optionally broken down by channel or campaign (attributed at step 1).
 */
import { apiGet, apiPost } from '../api.js';
import { askAdmin } from '../components/admin-dialog.js';
import { chartBlock } from '../components/chart.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox, errorBox, loadInto, section, slot } from '../components/states.js';
import { h, uid } from '../dom.js';
import { t } from '../i18n.js';
import { formatDuration, formatNumber, formatPercent } from '../format.js';
import type { PageContext } from '../routes.js';
import { setQuery } from '../router.js';
import { param, rangeQuery } from '../state.js';
import { definitionSteps, funnelFormQuery, funnelFormView, readFunnelForm, type FunnelForm } from './funnel-form.js';
import type { DeclaredProps } from './funnel-step-filters.js';

/** Figures of one step, as the API answers. */
export interface StepFigures {
  step: number; event: string; label?: string; entrants: number;
  conversionFromFirst: number | null; conversionFromPrevious: number | null; dropOff: number; medianTimeToConvertMs: number | null;
}
interface FunnelAnswer { steps: StepFigures[]; groups?: { value: string | number; steps: StepFigures[] }[]; breakdown: string | null }
interface SavedFunnel { id: string; name: string }

const STANDARD_EVENTS = ['page_view', 'click', 'conversion', 'identify'];

/** Renders the funnels page. */
export function render(ctx: PageContext): void {
  const { main, site, filters, signal } = ctx;
  const builder = slot('funnel-form');
  const saved = slot('saved-funnels');
  const result = slot('funnel-result');
  const notice = h('div', { attrs: { 'aria-live': 'polite', 'data-slot': 'save-result' } });
  main.append(h('h1', null, t('funnels.title')), h('div', { class: 'grid-2' }, builder, section(t('funnels.saved'), notice, saved)), result);
  const dictionary = () => apiGet<{ events: DeclaredProps }>(`/v1/dictionary/${encodeURIComponent(site.id)}`, {}, { signal });
  void loadInto(builder, dictionary, (d) => {
    const events = [...new Set([...STANDARD_EVENTS, ...Object.keys(d.events)])];
    const form = readFunnelForm(events);
    if (!param('saved')) void loadInto(result, () => query(form), showResult, signal);
    return funnelFormView(events, d.events, form, { run: (f) => setQuery(funnelFormQuery(f)), save: (f) => void save(f) });
  }, signal);
  void loadInto(saved, () => apiGet<{ items: SavedFunnel[] }>('/v1/funnels', { site: site.id }, { signal }), (r) => savedPicker(r.items), signal);
  const savedId = param('saved');
  if (savedId) {
    void loadInto(result, () => apiGet<FunnelAnswer>(`/v1/funnels/${encodeURIComponent(savedId)}/result`, rangeQuery(filters), { signal }), showResult, signal);
  }

  function query(f: FunnelForm): Promise<FunnelAnswer> {
    return apiPost<FunnelAnswer>('/v1/funnels/query', { ...rangeQuery(filters), ...definition(f) }, { signal });
  }

  /** Saves the built funnel under a name (admin token), then opens it from the saved list. */
  async function save(f: FunnelForm): Promise<void> {
    const answer = await askAdmin({
      confirm: t('funnels.save'), intro: t('funnels.saveIntro'),
      fields: [{ name: 'name', label: t('funnels.name'), required: true, maxLength: 200, value: f.steps.join(' → ') }],
    });
    if (!answer) return;
    try {
      const made = await apiPost<SavedFunnel>('/v1/funnels', { site: site.id, name: answer.values.name, definition: definition(f) }, { token: answer.token, signal });
      setQuery({ ...funnelFormQuery(f), saved: made.id });
    } catch (err) {
      notice.replaceChildren(errorBox(err));
    }
  }

  function showResult(r: FunnelAnswer): HTMLElement[] {
    if (r.steps[0]?.entrants === 0) return [section(t('funnels.title'), emptyBox())];
    const last = r.steps[r.steps.length - 1];
    const names = r.steps.map((s) => `${s.step}. ${s.label ?? s.event}`);
    const chart = chartBlock(t('funnels.title'), {
      tooltip: { trigger: 'item' },
      series: [{
        type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '30%', gap: 2,
        label: { show: true, position: 'inside', formatter: '{b}: {c}' },
        data: r.steps.map((s, i) => ({ name: names[i], value: s.entrants })),
      }],
    }, signal, 300);
    return [
      section(t('funnels.overall', { rate: formatPercent(last.conversionFromFirst) }), chart, stepsTable(r.steps)),
      r.groups?.length ? section(t('funnels.breakdown'), groupsTable(r)) : null,
    ].filter((x): x is HTMLElement => x !== null);
  }

  function savedPicker(items: SavedFunnel[]): HTMLElement {
    if (items.length === 0) return emptyBox(t('funnels.savedNone'));
    const id = uid('saved');
    const select = h('select', { attrs: { id, name: 'saved' } }, h('option', { attrs: { value: '' } }, '—'), ...items.map((f) => h('option', { attrs: { value: f.id } }, f.name)));
    select.value = param('saved');
    select.addEventListener('change', () => setQuery({ saved: select.value || undefined }));
    return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, t('funnels.pickSaved')), select);
  }
}

/** The API's funnel definition of a form. */
function definition(f: FunnelForm): Record<string, unknown> {
  return { steps: definitionSteps(f), window: f.window, countBy: f.countBy, ...(f.breakdown ? { breakdown: f.breakdown } : {}) };
}

function stepsTable(steps: StepFigures[]): HTMLElement {
  return dataTable(steps, [
    { key: 'step', label: t('col.step'), value: (s) => s.step, show: (s) => `${s.step}. ${s.label ?? s.event}` },
    { key: 'entrants', label: t('col.entrants'), value: (s) => s.entrants, numeric: true, show: (s) => formatNumber(s.entrants) },
    { key: 'fromFirst', label: t('col.fromFirst'), value: (s) => s.conversionFromFirst, numeric: true, show: (s) => formatPercent(s.conversionFromFirst) },
    { key: 'fromPrevious', label: t('col.fromPrevious'), value: (s) => s.conversionFromPrevious, numeric: true, show: (s) => formatPercent(s.conversionFromPrevious) },
    { key: 'dropOff', label: t('col.dropOff'), value: (s) => s.dropOff, numeric: true, show: (s) => formatNumber(s.dropOff) },
    { key: 'median', label: t('col.medianTime'), value: (s) => s.medianTimeToConvertMs, numeric: true, show: (s) => formatDuration(s.medianTimeToConvertMs === null ? null : s.medianTimeToConvertMs / 1000) },
  ], { caption: t('funnels.steps'), rowKey: (s) => String(s.step), name: 'funnel-steps', sortKey: 'step', descending: false });
}

function groupsTable(r: FunnelAnswer): HTMLElement {
  type Group = NonNullable<FunnelAnswer['groups']>[number];
  const n = r.steps.length;
  return dataTable(r.groups!, [
    { key: 'value', label: t('funnels.breakdown'), value: (g) => String(g.value) },
    ...r.steps.map((s, i) => ({
      key: `step${i + 1}`, label: `${s.step}. ${s.label ?? s.event}`, numeric: true,
      value: (g: Group) => g.steps[i].entrants, show: (g: Group) => formatNumber(g.steps[i].entrants),
    })),
    { key: 'rate', label: t('col.fromFirst'), numeric: true, value: (g) => g.steps[n - 1].conversionFromFirst, show: (g) => formatPercent(g.steps[n - 1].conversionFromFirst) },
  ], { caption: t('funnels.breakdown'), rowKey: (g) => String(g.value), name: 'funnel-groups', sortKey: 'step1' });
}
