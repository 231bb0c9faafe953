import type { PlatformAdapter, KV } from '../../../sdk/src/core/platform.js';
import { memoryStore } from '../../../sdk/src/storage/memory-store.js';
import { serial } from '../../../sdk/src/core/serial.js';

/**
 * A platform for running the real tracker in node: real HTTP through node's fetch, a shared
 * in-memory store and, for the queue, a lock of its own or the one given (two trackers on one
 * store and one lock behave like two tabs of one site with Web Locks).
 */
export function nodePlatform(opts: { store?: KV; url?: string; dnt?: () => boolean; lock?: PlatformAdapter['withLock'] } = {}): PlatformAdapter {
  const store = opts.store || memoryStore();
  return {
    kv: store,
    ids: store,
    beacon: () => false,
    offline: () => false,
    listen: () => {},
    withLock: opts.lock || serial(),
    post: (url, body) => fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain' } }),
    describe: () => ({ platform: 'web', page: { url: 'https://shop.example.com/p?x=1', path: '/p', title: 'Shop' }, locale: 'zh-CN', timezone: 'Asia/Shanghai' }),
    landing: () => ({ url: opts.url || 'https://shop.example.com/p', host: 'shop.example.com' }),
    dnt: opts.dnt || (() => false),
  };
}
