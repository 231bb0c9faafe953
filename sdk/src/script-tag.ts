/**
 * The script-tag build (`maidian.js`):
 *   <script async src="https://t.example.com/maidian.js" data-site="demo"
 *           data-endpoint="https://t.example.com" data-key="…"></script>
 * Calls queued by the stub snippet before the script loaded are replayed, then `window.maidian`
 * becomes a dispatcher: `maidian('track', 'signup', { method: 'email' })`.
 */
import { createWebTracker } from './web/web-tracker.js';
import type { Tracker } from './core/tracker.js';
import type { Options } from './core/options.js';

type Call = [keyof Tracker, ...unknown[]];
type Stub = ((...call: Call) => unknown) & { q?: ArrayLike<unknown>[] };

const w = window as unknown as { maidian?: Stub };
const script = document.currentScript as HTMLScriptElement | null;
const data = script ? script.dataset : {};

const options: Options = {
  site: data.site!,
  // The collector serves this script, so its origin is the default endpoint.
  endpoint: data.endpoint || (script ? script.src.split('/').slice(0, 3).join('/') : ''),
  key: data.key,
};
// `data-hash-routing` and `data-hash-routing="true"` turn an option on, `="false"` off.
for (const k of ['hashRouting', 'requireConsent', 'autoClicks', 'autoPageviews', 'respectDnt'] as const) {
  if (k in data) options[k] = data[k] != 'false';
}
const tracker = createWebTracker(options);
const queued = (w.maidian && w.maidian.q) || [];
w.maidian = (method, ...args) => (tracker[method] as (...a: unknown[]) => unknown)?.(...args);
for (const call of Array.from(queued)) w.maidian(...(Array.from(call) as Call));
