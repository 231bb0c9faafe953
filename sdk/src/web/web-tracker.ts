import type { Settings } from '../core/options.js';
import { createTracker, type Tracker } from '../core/tracker.js';
import { browserPlatform, type BrowserPlatform } from '../platform/browser.js';
import { autoPageviews } from './pageviews.js';
import { autocapture } from './autocapture.js';

/** A tracker for a web page, with automatic page views and click capture as configured. */
export function createWebTracker(o: Settings, p: BrowserPlatform = browserPlatform(o)): Tracker {
  const t = createTracker(p, o);
  if (o.autoClicks !== false) autocapture(t.track);
  if (o.autoPageviews !== false) autoPageviews(p, () => t.page(), o.hashRouting);
  return t;
}
