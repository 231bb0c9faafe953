import type { KV } from './platform.js';

/** Reads a JSON value from a store; a missing (undefined) or corrupt value reads as undefined. */
export function load<T = any>(store: KV, key: string): T | undefined {
  try {
    return JSON.parse(store.get(key)!);
  } catch {}
}

/** Writes a JSON value to a store; a write the store refuses (storage full) is skipped. */
export function save(store: KV, key: string, value: unknown): void {
  try {
    store.set(key, JSON.stringify(value));
  } catch {}
}
