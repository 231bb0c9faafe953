/** Number, money, ratio, duration and date formats in the chosen language. */
import { locale } from './i18n.js';

/** "—" marks a value that is not defined (a ratio over zero, a missing figure), never 0. */
export const NONE = '—';

/** An integer or decimal count: 1,234 / 1,234.5. */
export function formatNumber(n: number | null | undefined, digits = 0): string {
  if (n == null || !Number.isFinite(n)) return NONE;
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

/** A ratio as a percentage with one decimal: 0.4 → 40.0%. */
export function formatPercent(r: number | null | undefined): string {
  if (r == null || !Number.isFinite(r)) return NONE;
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r);
}

/** Money in its currency: CNY 300 → ¥300.00 / CN¥300.00. */
export function formatMoney(amount: number | null | undefined, currency: string): string {
  if (amount == null || !Number.isFinite(amount)) return NONE;
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(amount);
  } catch {
    return `${formatNumber(amount, 2)} ${currency}`;
  }
}

/** Amounts per currency, never added across currencies: "¥300.00 · $50.00". */
export function formatMoneyList(list: { currency: string; amount: number }[] | null | undefined): string {
  if (!list || list.length === 0) return NONE;
  return list.map((r) => formatMoney(r.amount, r.currency)).join(' · ');
}

/** A multiple, e.g. ROAS 3.2×. */
export function formatMultiple(x: number | null | undefined): string {
  return x == null || !Number.isFinite(x) ? NONE : `${formatNumber(x, 2)}×`;
}

/** A duration in seconds: 45 s, 12 min, 3.5 h, 2.1 d. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return NONE;
  if (seconds < 60) return `${formatNumber(seconds, 0)} s`;
  if (seconds < 3600) return `${formatNumber(seconds / 60, 1)} min`;
  if (seconds < 86_400) return `${formatNumber(seconds / 3600, 1)} h`;
  return `${formatNumber(seconds / 86_400, 1)} d`;
}

/** Relative change from `previous` to `current`, or null when there is no base. */
export function change(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current == null || previous == null || previous === 0) return null;
  return (current - previous) / previous;
}

/** A signed percentage change: +12.5% / −3.0%. */
export function formatChange(c: number | null): string {
  if (c === null) return NONE;
  const text = formatPercent(Math.abs(c));
  return c > 0 ? `+${text}` : c < 0 ? `−${text}` : text;
}

/** A date-time in a time zone, short. */
export function formatDateTime(iso: string | number, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}
