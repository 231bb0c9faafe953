/**
 * The funnel builder form. Its state lives in the URL (`steps=page_view,add_to_cart,conversion`,
 * `window=14d`, `count=person`, `breakdown=channel`), so a funnel can be bookmarked.
 */
import { h, uid } from '../dom.js';
import { t } from '../i18n.js';
import { param } from '../state.js';

/** What the form describes; the API's funnel definition without filters and exclusions. */
export interface FunnelForm {
  steps: string[];
  window: { value: number; unit: 'minute' | 'hour' | 'day' };
  countBy: 'person' | 'session';
  breakdown: '' | 'channel' | 'campaign' | 'source_medium' | 'device_type';
}

const UNITS = { m: 'minute', h: 'hour', d: 'day' } as const;
const BREAKDOWNS = ['', 'channel', 'campaign', 'source_medium', 'device_type'] as const;

/** The form's state from the URL (default: the first two events, 14 days, by person). */
export function readFunnelForm(events: string[]): FunnelForm {
  const steps = param('steps').split(',').filter((s) => events.includes(s));
  const w = /^(\d{1,4})([mhd])$/.exec(param('window', '14d'));
  const breakdown = param('breakdown') as FunnelForm['breakdown'];
  return {
    steps: steps.length >= 2 ? steps : events.slice(0, 2),
    window: w ? { value: Number(w[1]), unit: UNITS[w[2] as keyof typeof UNITS] } : { value: 14, unit: 'day' },
    countBy: param('count') === 'session' ? 'session' : 'person',
    breakdown: BREAKDOWNS.includes(breakdown) ? breakdown : '',
  };
}

/** The form's state as URL parameters. */
export function funnelFormQuery(f: FunnelForm): Record<string, string | undefined> {
  return {
    steps: f.steps.join(','), window: `${f.window.value}${f.window.unit[0]}`,
    count: f.countBy === 'session' ? 'session' : undefined, breakdown: f.breakdown || undefined, saved: undefined,
  };
}

/** The builder: one select per step (add/remove), window, count and breakdown. */
export function funnelFormView(events: string[], initial: FunnelForm, onRun: (f: FunnelForm) => void): HTMLElement {
  const state: FunnelForm = { ...initial, steps: [...initial.steps] };
  const list = h('ol', { class: 'steps' });
  const error = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const drawSteps = () => list.replaceChildren(...state.steps.map((event, i) => {
    const id = uid('step');
    const select = h('select', { attrs: { id, 'data-step': i + 1 }, on: { change: () => (state.steps[i] = select.value) } },
      ...events.map((e) => h('option', { attrs: { value: e } }, e)));
    select.value = event;
    const remove = state.steps.length > 2
      ? h('button', { class: 'button secondary', attrs: { type: 'button', 'aria-label': t('funnels.removeStep', { n: i + 1 }) }, on: { click: () => { state.steps.splice(i, 1); drawSteps(); } } }, '×')
      : null;
    return h('li', null, h('div', { class: 'field' }, h('label', { attrs: { for: id } }, t('funnels.step', { n: i + 1 })), select), remove);
  }));
  drawSteps();
  const add = h('button', { class: 'button secondary', attrs: { type: 'button' }, on: { click: () => {
    if (state.steps.length >= 10) return;
    state.steps.push(events[Math.min(state.steps.length, events.length - 1)]);
    drawSteps();
  } } }, t('funnels.addStep'));
  const ids = { value: uid('window'), unit: uid('unit'), count: uid('count'), breakdown: uid('breakdown') };
  const value = h('input', { attrs: { id: ids.value, type: 'number', min: 1, max: 2160, value: state.window.value, required: true } });
  const unit = options(ids.unit, ['minute', 'hour', 'day'].map((u) => [u, t(`funnels.unit.${u}` as 'funnels.unit.day')]), state.window.unit);
  const count = options(ids.count, [['person', t('funnels.countBy.person')], ['session', t('funnels.countBy.session')]], state.countBy);
  const breakdown = options(ids.breakdown, BREAKDOWNS.map((b) => [b, b ? breakdownLabel(b) : t('funnels.breakdown.none')]), state.breakdown);
  const submit = (ev: SubmitEvent) => {
    ev.preventDefault();
    if (state.steps.length < 2) return void (error.textContent = t('funnels.needSteps'));
    onRun({ steps: state.steps, window: { value: Number(value.value), unit: unit.value as FunnelForm['window']['unit'] }, countBy: count.value as FunnelForm['countBy'], breakdown: breakdown.value as FunnelForm['breakdown'] });
  };
  return h('form', { class: 'card', attrs: { 'aria-label': t('funnels.steps'), 'data-form': 'funnel' }, on: { submit } },
    h('h2', null, t('funnels.steps')), list, add,
    h('div', { class: 'toolbar' },
      field(ids.value, t('funnels.window'), value), field(ids.unit, '\u00a0', unit),
      field(ids.count, t('funnels.countBy'), count), field(ids.breakdown, t('funnels.breakdown'), breakdown),
      h('div', { class: 'field' }, h('button', { class: 'button', attrs: { type: 'submit' } }, t('funnels.run')))),
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
