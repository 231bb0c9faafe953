import type { Settings } from '../core/options.js';
import type { Stats } from '../transport/sender.js';
import { createTracker, type TrackerCore } from '../core/tracker.js';
import { browserPlatform, type BrowserPlatform } from '../platform/browser.js';
import { autoPageviews } from './pageviews.js';
import { autocapture } from './autocapture.js';

/**
 * A tracker for a web page, with automatic page views and click capture as configured. The npm
 * build passes its own platform and `stats`, to read them for `debug()`.
 */
export function createWebTracker(o: Settings, p: BrowserPlatform = browserPlatform(o), stats?: Stats): TrackerCore {
  const t = createTracker(p, o, stats);
  if (o.autoClicks !== false) autocapture(t.track);
  if (o.autoPageviews !== false) autoPageviews(p, () => t.page(), o.hashRouting);
  return t;
}
