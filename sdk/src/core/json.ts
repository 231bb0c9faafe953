import type { KV } from './platform.js';

/** Reads a JSON value from a store; a missing or corrupt value reads as undefined. */
export function load<T = any>(store: KV, key: string): T | undefined {
  try {
    return JSON.parse(store.get(key)!) ?? undefined;
  } catch {}
}

/** Writes a JSON value to a store. */
export const save = (store: KV, key: string, value: unknown) => store.set(key, JSON.stringify(value));
