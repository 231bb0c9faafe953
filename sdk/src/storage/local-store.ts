import type { KV } from '../core/platform.js';
import { memoryStore } from './memory-store.js';

/**
 * localStorage as a store. Where it is blocked (cookies disabled, some private modes) the page
 * works on memory: events still go out, only persistence across pages is lost. A write that
 * fails (storage full) is skipped: the queue cap keeps that rare.
 */
export function localStore(): KV {
  try {
    const ls = localStorage;
    ls.setItem('md_t', '1'); // throws where storage is blocked or always full
    return {
      get: (k) => ls.getItem(k),
      set(k, v) {
        try {
          v == null ? ls.removeItem(k) : ls.setItem(k, v);
        } catch {}
      },
    };
  } catch {
    return memoryStore();
  }
}
