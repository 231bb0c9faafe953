/**
 * A table whose numeric columns sort on click. Headers are buttons (keyboard and screen readers
 * can use them) and the sorted column carries aria-sort. Cells carry `data-col`, rows
 * `data-key`, so tests and styles can find a figure by what it is.
 */
import { h, type Child } from '../dom.js';
import { t } from '../i18n.js';

/** One column. */
export interface Column<R> {
  key: string;
  label: string;
  /** The value sorted by (null sorts last). */
  value: (row: R) => number | string | null;
  /** What the cell shows; defaults to the value. */
  show?: (row: R) => Child;
  numeric?: boolean;
  sortable?: boolean;
}

/** Options of a table. */
export interface TableOptions<R> {
  caption: string;
  rowKey: (row: R) => string;
  sortKey?: string;
  descending?: boolean;
  name?: string;
}

/** A sortable table of `rows`. */
export function dataTable<R>(rows: R[], columns: Column<R>[], o: TableOptions<R>): HTMLElement {
  let sortKey = o.sortKey;
  let descending = o.descending ?? true;
  const tbody = h('tbody');
  const heads = columns.map((c) => h('th', { class: c.numeric ? 'num' : undefined, attrs: { scope: 'col', 'data-col': c.key } }));
  const draw = () => {
    columns.forEach((c, i) => {
      const th = heads[i];
      th.setAttribute('aria-sort', c.key === sortKey ? (descending ? 'descending' : 'ascending') : 'none');
      if (c.sortable === false) return void th.replaceChildren(c.label);
      const arrow = c.key === sortKey ? (descending ? ' ↓' : ' ↑') : '';
      th.replaceChildren(h('button', {
        class: 'sort', attrs: { type: 'button', 'aria-label': t('sort.by', { column: c.label }) },
        on: { click: () => { descending = c.key === sortKey ? !descending : true; sortKey = c.key; draw(); } },
      }, c.label, h('span', { attrs: { 'aria-hidden': 'true' } }, arrow)));
    });
    const column = columns.find((c) => c.key === sortKey);
    const sorted = column ? [...rows].sort((a, b) => compare(column.value(a), column.value(b), descending)) : rows;
    tbody.replaceChildren(...sorted.map((r) => h('tr', { attrs: { 'data-key': o.rowKey(r) } },
      ...columns.map((c, i) => h(i === 0 ? 'th' : 'td', { class: c.numeric ? 'num' : undefined, attrs: { 'data-col': c.key, scope: i === 0 ? 'row' : null } }, c.show ? c.show(r) : (c.value(r) ?? '—'))))));
  };
  draw();
  return h('div', { class: 'table-wrap', attrs: { 'data-table': o.name ?? null } },
    h('table', null, h('caption', null, o.caption), h('thead', null, h('tr', null, ...heads)), tbody));
}

function compare(a: number | string | null, b: number | string | null, descending: boolean): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return descending ? -order : order;
}
