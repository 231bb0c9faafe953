/**
 * Why an event was quarantined, or flagged in warn mode: what was wrong (`message`, `code`),
 * where (`path`, a JSON pointer into the request body such as `/batch/3/props/plan`) and what is
 * allowed (`expected`, when there is a short answer).
 */
export interface Reason {
  path: string;
  code: string;
  message: string;
  expected?: string;
}

/** Escapes one JSON pointer segment (RFC 6901). */
function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins a base pointer and path segments: `pointer('/batch/3', ['props', 'plan'])`. */
export function pointer(base: string, segments: readonly (string | number | symbol)[] = []): string {
  return base + segments.map((s) => '/' + escapeSegment(typeof s === 'symbol' ? String(s) : s)).join('');
}
