import type { KV } from './platform.js';

/** Reads a JSON value from a store; a missing or corrupt value reads as undefined. */
export function load<T>(store: KV, key: string): T | undefined {
  try {
    return JSON.parse(store.get(key) as string) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Writes a JSON value to a store. */
export function save(store: KV, key: string, value: unknown): void {
  store.set(key, JSON.stringify(value));
}
