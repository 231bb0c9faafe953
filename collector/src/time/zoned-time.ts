/**
 * Day boundaries in a site's time zone. Reports cut days where the site's people live, so
 * "2024-05-01" in Asia/Shanghai starts at 2024-04-30T16:00:00Z.
 */

/** Offset of `timeZone` from UTC at instant `ms`, in ms (Shanghai: +8 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

// Building an Intl.DateTimeFormat is far slower than using one; alert previews and time series
// convert thousands of instants, so one formatter per time zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The instant a calendar day (`YYYY-MM-DD`) starts in `timeZone`. The offset is looked up twice
 * because the first guess can fall on the other side of a DST change.
 */
export function startOfZonedDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d);
  const guess = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  return midnightUtc - zoneOffsetMs(guess, timeZone);
}

/** The day after `YYYY-MM-DD`. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Resolves report bounds to `[start, end)` in epoch ms: a day `from` starts at its midnight, a day
 * `to` includes the whole day; date-times are taken as they are (`to` exclusive).
 */
export function resolveRange(from: string, to: string, timeZone: string): { start: number; end: number } {
  const start = DATE_ONLY.test(from) ? startOfZonedDay(from, timeZone) : Date.parse(from);
  const end = DATE_ONLY.test(to) ? startOfZonedDay(nextDay(to), timeZone) : Date.parse(to);
  return { start, end };
}

/** True when `tz` is an IANA time zone this runtime knows (e.g. "Asia/Shanghai", "UTC"). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
