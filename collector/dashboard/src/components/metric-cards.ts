/**
 * Headline metric cards: the name and description come from the metric dictionary in the
 * chosen language; the change against the previous period is coloured by whether a rise is
 * good news for that metric.
 */
import { h } from '../dom.js';
import { pick, t } from '../i18n.js';
import { change, formatChange } from '../format.js';
import type { MetricInfo } from '../metrics.js';

/** One card's figures. */
export interface CardFigure {
  metric: string;
  /** The value as shown. */
  text: string;
  /** Numbers for the change; null leaves the change out (e.g. revenue in several currencies). */
  current: number | null;
  previous?: number | null;
}

/** A definition list of metric cards. */
export function metricCards(figures: CardFigure[], metrics: Map<string, MetricInfo>, compare: boolean): HTMLElement {
  return h('dl', { class: 'metrics' }, ...figures.map((f) => {
    const info = metrics.get(f.metric);
    return h('div', { class: 'metric', attrs: { 'data-metric': f.metric } },
      h('dt', null, info ? pick(info.name) : f.metric),
      h('dd', null,
        h('span', { class: 'value' }, f.text),
        compare ? delta(f, info) : null,
        info ? h('span', { class: 'desc' }, pick(info.description)) : null,
      ),
    );
  }));
}

function delta(f: CardFigure, info: MetricInfo | undefined): HTMLElement {
  const c = f.previous === undefined ? null : change(f.current, f.previous);
  const good = info?.direction !== 'lower_is_better';
  const tone = c === null || c === 0 ? 'flat' : (c > 0) === good ? 'good' : 'bad';
  const text = c === null ? t('overview.noPrevious') : `${formatChange(c)} ${t('overview.vsPrevious')}`;
  return h('span', { class: `delta ${tone}`, attrs: { 'data-change': c === null ? '' : String(c) } }, text);
}
