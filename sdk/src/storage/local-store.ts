import type { KV } from '../core/platform.js';
import { memoryStore } from './memory-store.js';

/**
 * localStorage as a store, through its named properties (`ls.md_q`, `delete ls.md_q`): the same
 * code as the memory store. Where storage is blocked (cookies disabled, some private modes) the
 * page works on memory: events still go out, only persistence across pages is lost. A write that
 * fails (storage full) throws; `save` skips it (core/json.ts), and the queue cap keeps that rare.
 */
export function localStore(): KV {
  try {
    const ls = localStorage;
    ls['md_t'] = '1'; // quoted: keeps its name in the minified script; throws where storage is blocked or always full
    return memoryStore(ls as unknown as Record<string, string>);
  } catch {
    return memoryStore();
  }
}
