import type { KV } from '../core/platform.js';

/** A store that lives as long as `map`: the fallback when storage is blocked, state held until consent, and tests. */
export function memoryStore(map: Record<string, string> = {}): KV {
  return {
    get: (k) => map[k],
    set: (k, v) => (v == null ? delete map[k] : (map[k] = v)),
  };
}
