/**
 * The demo shop's web server: serves the static pages of `public/` with the Maidian settings
 * (collector URL, site id, write key) written into their placeholders, and the SDK's npm build
 * under `/sdk/` for the H5 page.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Express, Request, Response, NextFunction } from 'express';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Settings of the demo site. */
export interface DemoSiteOptions {
  /** Base URL of the Maidian collector, e.g. `http://127.0.0.1:8787` (a trailing `/` is ignored). */
  collectorUrl: string;
  /** Site id the pages report to. Default `demo`. */
  site?: string;
  /** Write key the pages send; default none (the collector then must not require one). */
  writeKey?: string;
  /** Folder of the pages. Default `demo-site/public`. */
  publicDir?: string;
  /** Folder of the built SDK. Default `dist/sdk` at the repository root. */
  sdkDir?: string;
}

/** Page names that map to `<name>.html`; anything else is not a page. */
const PAGE_NAME = /^\/([a-z0-9-]+)\.html$/;

/** Escapes a value for an HTML attribute or text. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page with `{COLLECTOR}`, `{SITE}` and `{KEY}` replaced by the (escaped) settings. */
export function fillPlaceholders(html: string, values: { collectorUrl: string; site: string; writeKey: string }): string {
  const map: Record<string, string> = {
    '{COLLECTOR}': escapeHtml(values.collectorUrl),
    '{SITE}': escapeHtml(values.site),
    '{KEY}': escapeHtml(values.writeKey),
  };
  return html.replace(/\{(COLLECTOR|SITE|KEY)\}/g, (m) => map[m]);
}

/** Creates the demo site's Express app (it does not listen; the caller does). */
export function createDemoSiteApp(options: DemoSiteOptions): Express {
  const publicDir = options.publicDir ?? `${here}public`;
  const sdkDir = options.sdkDir ?? fileURLToPath(new URL('../dist/sdk', import.meta.url));
  const values = {
    collectorUrl: options.collectorUrl.replace(/\/+$/, ''),
    site: options.site ?? 'demo',
    writeKey: options.writeKey ?? '',
  };

  const sendPage = async (res: Response, file: string, next: NextFunction) => {
    let html: string;
    try {
      // Read on every request, so edits to the pages show without a restart.
      html = await readFile(`${publicDir}/${file}`, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return next();
      throw err;
    }
    res.type('html').set('Cache-Control', 'no-cache').send(fillPlaceholders(html, values));
  };

  const app = express();
  app.disable('x-powered-by');
  app.get('/', (_req, res, next) => sendPage(res, 'index.html', next));
  // The members' section is routed on the client: every /app/… path loads the same document.
  app.get(['/app', '/app/{*rest}'], (_req, res, next) => sendPage(res, 'app.html', next));
  app.get(PAGE_NAME, (req, res, next) => sendPage(res, `${PAGE_NAME.exec(req.path)![1]}.html`, next));
  app.use('/sdk', express.static(sdkDir, { index: false, fallthrough: false }));
  app.use(express.static(publicDir, { index: false, extensions: false }));
  app.use((req: Request, res: Response) => {
    res.status(404).type('text').send(`Not found: ${req.path}`);
  });
  app.use((err: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    if (err.status === 404 && req.path.startsWith('/sdk/')) {
      res.status(404).type('text').send(`Not found: ${req.path}. The SDK is built by \`npm run build\` into dist/sdk/.`);
      return;
    }
    res.status(err.status ?? 500).type('text').send(err.status ? err.message : 'Internal error');
  });
  return app;
}
