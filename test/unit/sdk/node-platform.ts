import type { PlatformAdapter, KV } from '../../../sdk/src/core/platform.js';
import { memoryStore } from '../../../sdk/src/storage/memory-store.js';

/**
 * A platform for running the real tracker in node: real HTTP through node's fetch, a shared
 * in-memory store (two trackers on one store behave like two tabs of one site).
 */
export function nodePlatform(opts: { store?: KV; url?: string; dnt?: () => boolean } = {}): PlatformAdapter {
  return {
    platform: 'web',
    store: opts.store || memoryStore(),
    request: (url, body) => fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain' } }),
    context: () => ({ page: { url: 'https://shop.example.com/p?x=1', path: '/p', title: 'Shop' }, locale: 'zh-CN', timezone: 'Asia/Shanghai' }),
    landing: () => ({ url: opts.url || 'https://shop.example.com/p', host: 'shop.example.com' }),
    dnt: opts.dnt,
  };
}
