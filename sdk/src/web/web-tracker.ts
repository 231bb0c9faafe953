import type { Options } from '../core/options.js';
import { settle } from '../core/options.js';
import { createTracker, type Tracker } from '../core/tracker.js';
import { browserPlatform } from '../platform/browser.js';
import { autoPageviews } from './pageviews.js';
import { autocapture } from './autocapture.js';

/** A tracker for a web page, with automatic page views and click capture as configured. */
export function createWebTracker(options: Options): Tracker {
  const o = settle(options);
  const p = browserPlatform(o);
  const t = createTracker(p, o);
  if (o.autoClicks) autocapture(t.track);
  if (o.autoPageviews) autoPageviews(p, () => t.page(), o.hashRouting);
  return t;
}
