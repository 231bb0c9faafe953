/**
 * The funnel builder form. Its state lives in the URL (`steps=page_view,add_to_cart,conversion`,
 * `filters=[[],[{"prop":"sku","op":"eq","value":"tea-1"}],[]]`, `window=14d`, `count=person`,
 * `breakdown=channel`), so a funnel can be bookmarked; it can also be saved (admin token).
 */
import { h, uid } from '../dom.js';
import { t } from '../i18n.js';
import { param } from '../state.js';
import {
  parseValue, propsFor, stepFiltersView, valueText, type DeclaredProps, type FilterRow, type StepFilter,
} from './funnel-step-filters.js';

/** What the form describes; the API's funnel definition without exclusions. */
export interface FunnelForm {
  steps: string[];
  /** Property filters of each step (same length as `steps`). */
  filters: StepFilter[][];
  window: { value: number; unit: 'minute' | 'hour' | 'day' };
  countBy: 'person' | 'session';
  breakdown: '' | 'channel' | 'campaign' | 'source_medium' | 'device_type';
}

const UNITS = { m: 'minute', h: 'hour', d: 'day' } as const;
const BREAKDOWNS = ['', 'channel', 'campaign', 'source_medium', 'device_type'] as const;

/** The form's state from the URL (default: the first two events, 14 days, by person). */
export function readFunnelForm(events: string[]): FunnelForm {
  const chosen = param('steps').split(',').filter((s) => events.includes(s));
  const steps = chosen.length >= 2 ? chosen : events.slice(0, 2);
  const w = /^(\d{1,4})([mhd])$/.exec(param('window', '14d'));
  const breakdown = param('breakdown') as FunnelForm['breakdown'];
  const filters = readFilters();
  return {
    steps,
    filters: steps.map((_, i) => filters[i] ?? []),
    window: w ? { value: Number(w[1]), unit: UNITS[w[2] as keyof typeof UNITS] } : { value: 14, unit: 'day' },
    countBy: param('count') === 'session' ? 'session' : 'person',
    breakdown: BREAKDOWNS.includes(breakdown) ? breakdown : '',
  };
}

function readFilters(): StepFilter[][] {
  try {
    const parsed: unknown = JSON.parse(param('filters', '[]'));
    // A hand-edited URL may hold anything; the API reports what is wrong with a filter it gets.
    return Array.isArray(parsed) ? parsed.map((x) => (Array.isArray(x) ? (x as StepFilter[]) : [])) : [];
  } catch {
    return [];
  }
}

/** The form's state as URL parameters. */
export function funnelFormQuery(f: FunnelForm): Record<string, string | undefined> {
  return {
    steps: f.steps.join(','), window: `${f.window.value}${f.window.unit[0]}`,
    filters: f.filters.some((x) => x.length) ? JSON.stringify(f.filters) : undefined,
    count: f.countBy === 'session' ? 'session' : undefined, breakdown: f.breakdown || undefined, saved: undefined,
  };
}

/** The steps of the API's definition: each event with its filters. */
export function definitionSteps(f: FunnelForm): { event: string; filters?: StepFilter[] }[] {
  return f.steps.map((event, i) => (f.filters[i]?.length ? { event, filters: f.filters[i] } : { event }));
}

/** What the builder does with a complete form. */
export interface FunnelFormActions {
  run: (f: FunnelForm) => void;
  save: (f: FunnelForm) => void;
}

/** The builder: steps (add/remove) with property filters, window, count and breakdown. */
export function funnelFormView(events: string[], declared: DeclaredProps, initial: FunnelForm, actions: FunnelFormActions): HTMLElement {
  const steps = [...initial.steps];
  const rows: FilterRow[][] = initial.filters.map((fs) => fs.map((x) => ({ prop: x.prop, op: x.op, text: valueText(x.value) })));
  const list = h('ol', { class: 'steps' });
  const error = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const drawSteps = (): void => list.replaceChildren(...steps.map((event, i) => stepItem(i)));
  const stepItem = (i: number): HTMLElement => {
    const id = uid('step');
    const select = h('select', { attrs: { id, 'data-step': i + 1 }, on: { change: () => { steps[i] = select.value; rows[i] = []; drawSteps(); } } },
      ...events.map((e) => h('option', { attrs: { value: e } }, e)));
    select.value = steps[i];
    const remove = steps.length > 2
      ? h('button', { class: 'button secondary', attrs: { type: 'button', 'aria-label': t('funnels.removeStep', { n: i + 1 }) }, on: { click: () => { steps.splice(i, 1); rows.splice(i, 1); drawSteps(); } } }, '×')
      : null;
    return h('li', null,
      h('div', { class: 'step-head' }, h('div', { class: 'field' }, h('label', { attrs: { for: id } }, t('funnels.step', { n: i + 1 })), select), remove),
      stepFiltersView(i + 1, rows[i] ??= [], propsFor(steps[i], declared), drawSteps));
  };
  drawSteps();
  const add = h('button', { class: 'button secondary', attrs: { type: 'button' }, on: { click: () => {
    if (steps.length >= 10) return;
    steps.push(events[Math.min(steps.length, events.length - 1)]);
    rows.push([]);
    drawSteps();
  } } }, t('funnels.addStep'));
  const ids = { value: uid('window'), unit: uid('unit'), count: uid('count'), breakdown: uid('breakdown') };
  const value = h('input', { attrs: { id: ids.value, type: 'number', min: 1, max: 2160, value: initial.window.value, required: true } });
  const unit = options(ids.unit, ['minute', 'hour', 'day'].map((u) => [u, t(`funnels.unit.${u}` as 'funnels.unit.day')]), initial.window.unit);
  const count = options(ids.count, [['person', t('funnels.countBy.person')], ['session', t('funnels.countBy.session')]], initial.countBy);
  const breakdown = options(ids.breakdown, BREAKDOWNS.map((b) => [b, b ? breakdownLabel(b) : t('funnels.breakdown.none')]), initial.breakdown);
  /** The form as a FunnelForm, or null (with the problem shown) when it is incomplete. */
  const collect = (): FunnelForm | null => {
    error.textContent = '';
    if (steps.length < 2) return (error.textContent = t('funnels.needSteps')), null;
    const filters: StepFilter[][] = [];
    for (const [i, stepRows] of rows.slice(0, steps.length).entries()) {
      const props = propsFor(steps[i], declared);
      filters.push([]);
      for (const row of stepRows) {
        const v = parseValue(row.text, row.op, props.find((p) => p.name === row.prop) ?? props[0]);
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) return (error.textContent = `${t('funnels.step', { n: i + 1 })}: ${v.error}`), null;
        filters[i].push({ prop: row.prop, op: row.op, value: v });
      }
    }
    return { steps: [...steps], filters, window: { value: Number(value.value), unit: unit.value as FunnelForm['window']['unit'] }, countBy: count.value as FunnelForm['countBy'], breakdown: breakdown.value as FunnelForm['breakdown'] };
  };
  const submit = (ev: SubmitEvent) => {
    ev.preventDefault();
    const f = collect();
    if (f) actions.run(f);
  };
  const save = h('button', { class: 'button secondary', attrs: { type: 'button', 'data-action': 'save-funnel' }, on: { click: () => { const f = collect(); if (f) actions.save(f); } } }, t('funnels.save'));
  return h('form', { class: 'card', attrs: { 'aria-label': t('funnels.steps'), 'data-form': 'funnel' }, on: { submit } },
    h('h2', null, t('funnels.steps')), list, add,
    h('div', { class: 'toolbar' },
      field(ids.value, t('funnels.window'), value), field(ids.unit, '\u00a0', unit),
      field(ids.count, t('funnels.countBy'), count), field(ids.breakdown, t('funnels.breakdown'), breakdown),
      h('div', { class: 'field actions' }, h('button', { class: 'button', attrs: { type: 'submit' } }, t('funnels.run')), save)),
    error);
}

function breakdownLabel(b: string): string {
  return b === 'source_medium' ? t('col.sourceMedium') : b === 'campaign' ? t('col.campaign') : b === 'channel' ? t('col.channel') : b;
}

function options(id: string, pairs: string[][], value: string): HTMLSelectElement {
  const select = h('select', { attrs: { id } }, ...pairs.map(([v, label]) => h('option', { attrs: { value: v } }, label)));
  select.value = value;
  return select;
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), control);
}
