/**
 * The npm build: `import { init, track } from 'maidian'`. One tracker per page; calls before
 * `init` (or on a server, where there is no window) do nothing.
 */
import type { Options } from './core/options.js';
import type { ConversionInput, Tracker } from './core/tracker.js';
import { createWebTracker } from './web/web-tracker.js';
import { checkOptions, settle } from './core/options.js';

export type { Options } from './core/options.js';
export type { Tracker, ConversionInput, DebugState } from './core/tracker.js';
export type { WireEvent, Properties, PropertyValue, Identities, Campaign, Context } from '../../collector/src/dictionary/wire-types.js';

let tracker: Tracker | undefined;

/** Starts tracking this page. Calling it again replaces nothing: the first tracker stays. */
export function init(options: Options): Tracker | undefined {
  if (typeof window != 'undefined' && !tracker) {
    checkOptions(options);
    tracker = createWebTracker(settle(options));
  }
  return tracker;
}

type Api = Omit<Tracker, 'flush' | 'debug'>;
const call =
  <K extends keyof Api>(method: K) =>
  (...args: Parameters<Api[K]>): void =>
    tracker && (tracker[method] as (...a: Parameters<Api[K]>) => void)(...args);

/** Sends a custom event. */
export const track = call('track');
/** Sends a page view (automatic unless `autoPageviews: false`). */
export const page = call('page');
/** Sends a conversion: `{ goal, value, currency, order_id? }`. */
export const conversion: (c: ConversionInput) => void = call('conversion');
/** Links the visitor to a user id. */
export const identify = call('identify');
/** Logout: new anonymous id and session. */
export const reset = call('reset');
/** Grants or refuses consent. */
export const consent = call('consent');
/** Stops tracking on this device. */
export const optOut = call('optOut');
/** Undoes `optOut()`. */
export const optIn = call('optIn');
/** Sends everything queued now. */
export const flush = (): Promise<void> => (tracker ? tracker.flush() : Promise.resolve());
