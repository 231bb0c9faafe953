/** The dashboard's pages: URL id, navigation label and the lazily loaded module. */
import type { MessageKey } from './i18n.js';
import type { Filters, SiteInfo } from './state.js';

/** What a page gets to render into. */
export interface PageContext {
  main: HTMLElement;
  filters: Filters;
  site: SiteInfo;
  sites: SiteInfo[];
  /** Aborted when the user moves on; pages stop polling and drop late answers. */
  signal: AbortSignal;
}

/** A page module. */
export interface PageModule {
  render(ctx: PageContext): void | Promise<void>;
}

/** One page. */
export interface Route {
  id: string;
  nav: MessageKey;
  load: () => Promise<PageModule>;
}

/** Pages in navigation order; each is its own chunk, loaded on first visit. */
export const ROUTES: Route[] = [
  { id: '', nav: 'nav.overview', load: () => import('./pages/overview.js') },
  { id: 'funnels', nav: 'nav.funnels', load: () => import('./pages/funnels.js') },
  { id: 'channels', nav: 'nav.channels', load: () => import('./pages/channels.js') },
  { id: 'retention', nav: 'nav.retention', load: () => import('./pages/retention.js') },
  { id: 'segments', nav: 'nav.segments', load: () => import('./pages/segments.js') },
  { id: 'alerts', nav: 'nav.alerts', load: () => import('./pages/alerts.js') },
  { id: 'campaigns', nav: 'nav.campaigns', load: () => import('./pages/campaigns.js') },
  { id: 'quality', nav: 'nav.quality', load: () => import('./pages/quality.js') },
  { id: 'dictionary', nav: 'nav.dictionary', load: () => import('./pages/dictionary.js') },
  { id: 'setup', nav: 'nav.setup', load: () => import('./pages/setup.js') },
];
