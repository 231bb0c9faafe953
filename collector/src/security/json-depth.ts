/**
 * Nesting-depth guard for request bodies. `JSON.parse` copes with deep nesting, but every step
 * after it that walks the value recursively (zod, JSON.stringify for the quarantine, logging)
 * would overflow the stack on a body like 100,000 `[`: a cheap hostile request must not turn
 * into a 500. The wire format nests at most six levels (envelope → batch → event → context →
 * campaign → value), so the limit leaves ample room.
 */

/** Deepest nesting of objects and arrays the collector parses. */
export const MAX_JSON_DEPTH = 32;

/**
 * The JSON pointer-ish place where `text` first nests deeper than `max` (counting `{` and `[`
 * outside strings), or null when it never does. One pass, no allocation: safe on any input.
 */
export function findTooDeep(text: string, max: number = MAX_JSON_DEPTH): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return null;
}
