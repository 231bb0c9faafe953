/**
 * The dashboard's entry: the shell, sign-in gate and routing. Pages are separate chunks and
 * ECharts a chunk of its own, loaded only by pages that draw charts.
 */
import { onUnauthorized } from './api.js';
import { renderShell } from './components/shell.js';
import { errorBox, loadingBox } from './components/states.js';
import { h } from './dom.js';
import { lang, setLang, t } from './i18n.js';
import { navigate, pageId, startRouter } from './router.js';
import { ROUTES } from './routes.js';
import { clearToken, readToken } from './session.js';
import { loadSites, resetSites } from './sites.js';
import { readFilters } from './state.js';

const root = document.getElementById('app')!;
let controller = new AbortController();

setLang(lang());
onUnauthorized(() => signOut('expired'));

function signOut(reason?: 'expired'): void {
  clearToken();
  resetSites();
  navigate('sign-in', reason ? { reason } : {}, true);
}

async function render(pageChanged: boolean): Promise<void> {
  controller.abort();
  controller = new AbortController();
  const signal = controller.signal;
  const page = pageId();
  const shell = { page, onLang: () => void render(false), onSignOut: () => signOut() };
  if (page === 'sign-in' || !readToken()) {
    if (page !== 'sign-in') return navigate('sign-in', {}, true);
    const main = renderShell(root, { ...shell, signedIn: false });
    return (await import('./pages/sign-in.js')).render(main);
  }
  renderShell(root, { ...shell, signedIn: true }).append(loadingBox());
  try {
    const sites = await loadSites();
    if (signal.aborted) return;
    if (sites.length === 0) return void renderShell(root, { ...shell, signedIn: true }).append(errorBox(new Error(t('signin.noSites'))));
    const filters = readFilters(sites);
    const main = renderShell(root, { ...shell, signedIn: true, filters, sites });
    if (pageChanged) main.focus();
    const route = ROUTES.find((r) => r.id === page);
    if (!route) return void main.append(h('h1', null, t('notFound')));
    main.append(loadingBox());
    const mod = await route.load();
    if (signal.aborted) return;
    main.replaceChildren();
    const site = sites.find((s) => s.id === filters.site)!;
    await mod.render({ main, filters, site, sites, signal });
  } catch (err) {
    if (signal.aborted) return;
    root.querySelector('main')?.replaceChildren(errorBox(err, () => void render(false)));
  }
}

startRouter((pageChanged) => void render(pageChanged));
