/**
 * The script-tag build (`maidian.js`):
 *   <script async src="https://t.example.com/maidian.js" data-site="demo"
 *           data-endpoint="https://t.example.com" data-key="…"></script>
 * Every `data-*` attribute is an option (`data-hash-routing` → `hashRouting`). Calls queued by
 * the stub snippet before the script loaded are replayed, then `window.maidian` becomes a
 * dispatcher: `maidian('track', 'signup', { method: 'email' })`.
 */
import { createWebTracker } from './web/web-tracker.js';
import type { TrackerCore } from './core/tracker.js';
import { settle, type Options } from './core/options.js';

type Call = [keyof TrackerCore, ...unknown[]];
type Stub = ((...call: Call) => unknown) & { q?: Iterable<Call> };

const w = window as unknown as { maidian?: Stub };
// A classic script (not a module) always has it; without the script element there would be no
// site id either.
const script = document.currentScript as HTMLScriptElement;
const data = script.dataset;

// The collector serves this script, so its origin is the default endpoint.
const options = { endpoint: new URL(script.src).origin } as Record<string, unknown>;
// An attribute without a value (`data-hash-routing`) turns a switch on, `="false"` off; numbers
// such as `data-batch-size="5"` are compared and added as numbers by the core.
for (const k in data) options[k] = data[k] == 'false' ? false : data[k] || true;
const tracker = createWebTracker(settle(options as unknown as Options));
const queued = w.maidian?.q || [];
w.maidian = (method, ...args) => (tracker[method] as (...a: unknown[]) => unknown)?.(...args);
// The stub queued `arguments` objects: iterable, so they spread like arrays.
for (const call of queued) w.maidian(...call);
