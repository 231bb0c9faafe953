/**
 * Property filters of one funnel step: the properties the site dictionary declares for the
 * step's event, plus the built-in columns every event has ($path, $channel…). Values are typed
 * by the property's declared type, so "price > 100" is sent as a number, as the API requires.
 */
import { h, uid } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';

/** A filter as the funnel API takes it. */
export interface StepFilter {
  prop: string;
  op: 'eq' | 'neq' | 'in' | 'contains' | 'gt' | 'lt';
  value: string | number | boolean | (string | number | boolean)[];
}

/** A property a step can be filtered on. */
export interface FilterProp {
  name: string;
  type: 'string' | 'number' | 'boolean';
  allowed: (string | number)[] | null;
}

/** Declared properties per event, as `GET /v1/dictionary/:site` lists them. */
export type DeclaredProps = Record<string, { properties: Record<string, { type: string; enum?: (string | number)[] }> } | undefined>;

/** Built-in columns (see the funnel API); the commonest for marketers. */
const BUILT_INS: FilterProp[] = [
  { name: '$path', type: 'string', allowed: null },
  { name: '$channel', type: 'string', allowed: null },
  { name: '$source', type: 'string', allowed: null },
  { name: '$medium', type: 'string', allowed: null },
  { name: '$utm_campaign', type: 'string', allowed: null },
  { name: '$device_type', type: 'string', allowed: null },
  { name: '$revenue', type: 'number', allowed: null },
];

const OPS: Record<FilterProp['type'], StepFilter['op'][]> = {
  string: ['eq', 'neq', 'contains', 'in'],
  number: ['eq', 'neq', 'gt', 'lt', 'in'],
  boolean: ['eq', 'neq'],
};

/** The properties of `event`: declared ones first, then the built-in columns. */
export function propsFor(event: string, declared: DeclaredProps): FilterProp[] {
  const own = Object.entries(declared[event]?.properties ?? {}).map(([name, p]): FilterProp => ({
    name, type: p.type === 'number' || p.type === 'integer' ? 'number' : p.type === 'boolean' ? 'boolean' : 'string', allowed: p.enum ?? null,
  }));
  return [...own, ...BUILT_INS];
}

/** The text a value is edited as ("a, b" for a list). */
export function valueText(v: StepFilter['value']): string {
  return Array.isArray(v) ? v.map(String).join(', ') : String(v);
}

/** Reads typed text as the value of `op` on `prop`; an error message when it cannot be. */
export function parseValue(text: string, op: StepFilter['op'], prop: FilterProp): StepFilter['value'] | { error: string } {
  const one = (s: string): string | number | boolean | { error: string } => {
    const v = s.trim();
    if (prop.type === 'number') return v !== '' && Number.isFinite(Number(v)) ? Number(v) : { error: t('funnels.filter.needNumber', { prop: prop.name }) };
    if (prop.type === 'boolean') return v === 'true' ? true : v === 'false' ? false : { error: t('funnels.filter.needBoolean', { prop: prop.name }) };
    return v === '' ? { error: t('funnels.filter.needValue', { prop: prop.name }) } : v;
  };
  if (op !== 'in') return one(text);
  const values = text.split(',').map(one);
  const bad = values.find((v) => typeof v === 'object');
  return bad ? (bad as { error: string }) : (values as (string | number | boolean)[]);
}

/** An editable filter row: property, operator and the value as typed. */
export interface FilterRow { prop: string; op: StepFilter['op']; text: string }

/** The filter editor of step `n`; `rows` is edited in place, `redraw` re-renders it. */
export function stepFiltersView(n: number, rows: FilterRow[], props: FilterProp[], redraw: () => void): HTMLElement {
  const items = rows.map((row, i) => filterRowView(n, row, props, () => { rows.splice(i, 1); redraw(); }, redraw));
  const add = h('button', {
    class: 'button secondary small', attrs: { type: 'button', 'data-add-filter': n },
    on: { click: () => { if (rows.length < 10) rows.push({ prop: props[0].name, op: 'eq', text: '' }); redraw(); } },
  }, t('funnels.filter.add'));
  return h('div', { class: 'step-filters', attrs: { 'data-filters': n } }, ...items, add);
}

function filterRowView(n: number, row: FilterRow, props: FilterProp[], remove: () => void, redraw: () => void): HTMLElement {
  const prop = props.find((p) => p.name === row.prop) ?? props[0];
  const ids = { prop: uid('fprop'), op: uid('fop'), value: uid('fval') };
  const propSelect = h('select', { attrs: { id: ids.prop, 'data-filter-prop': '' }, on: { change: () => { row.prop = propSelect.value; row.op = 'eq'; row.text = ''; redraw(); } } },
    ...props.map((p) => h('option', { attrs: { value: p.name } }, p.name)));
  propSelect.value = prop.name;
  const opSelect = h('select', { attrs: { id: ids.op, 'data-filter-op': '' }, on: { change: () => (row.op = opSelect.value as StepFilter['op']) } },
    ...OPS[prop.type].map((op) => h('option', { attrs: { value: op } }, t(`funnels.op.${op}` as MessageKey))));
  opSelect.value = OPS[prop.type].includes(row.op) ? row.op : 'eq';
  row.op = opSelect.value as StepFilter['op'];
  const listId = prop.allowed || prop.type === 'boolean' ? uid('fvals') : null;
  const value = h('input', {
    attrs: { id: ids.value, type: 'text', value: row.text, list: listId, 'data-filter-value': '', inputmode: prop.type === 'number' ? 'decimal' : null },
    on: { input: () => (row.text = value.value) },
  });
  // Allowed values (an enum, or true/false) are offered as suggestions; other text stays possible for "in".
  const options = listId ? h('datalist', { attrs: { id: listId } }, ...(prop.allowed ?? ['true', 'false']).map((v) => h('option', { attrs: { value: String(v) } }))) : null;
  return h('div', { class: 'filter-row' },
    field(ids.prop, t('funnels.filter.prop', { n }), propSelect),
    field(ids.op, t('funnels.filter.op'), opSelect),
    field(ids.value, t('funnels.filter.value'), value), options,
    h('button', { class: 'button secondary', attrs: { type: 'button', 'aria-label': t('funnels.filter.remove', { prop: prop.name, n }) }, on: { click: remove } }, '×'));
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), control);
}
