/**
 * The demo shop's server and configuration, checked without a browser: every page gets the
 * collector settings written in (escaped), the client-routed section answers on all its paths,
 * and the demo's collector configuration and dictionary are valid.
 */
import { readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSiteApp, fillPlaceholders } from '../../demo-site/server.js';
import { DEMO_CONFIG_PATH, demoCredentials, loadDemoConfig } from '../../demo-site/demo-config.js';
import { loadConfig } from '../../collector/src/config/load-config.js';

const publicDir = fileURLToPath(new URL('../../demo-site/public/', import.meta.url));
const pages = readdirSync(publicDir).filter((f) => f.endsWith('.html'));
const SNIPPET = '<script>window.maidian=window.maidian||function(){(maidian.q=maidian.q||[]).push(arguments)}</script>';

let server: Server;
let base: string;

beforeAll(async () => {
  // A key with characters that must be escaped in an HTML attribute.
  const app = createDemoSiteApp({ collectorUrl: 'http://collector.test:8787/', site: 'demo', writeKey: 'k"<&>' });
  server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('demo site server', () => {
  it('fills the placeholders, escaped for HTML', () => {
    const html = fillPlaceholders('<x a="{COLLECTOR}" b="{SITE}" c="{KEY}">', { collectorUrl: 'http://c', site: 's', writeKey: 'a"<&>\'' });
    expect(html).toBe('<x a="http://c" b="s" c="a&#34;&#60;&#38;&#62;&#39;">');
  });

  it.each(pages)('serves %s with the settings written in and no placeholder left', async (page) => {
    const res = await fetch(`${base}/${page}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).not.toMatch(/\{(COLLECTOR|SITE|KEY)\}/);
    if (page === 'h5.html') {
      // The H5 page uses the npm build: settings in meta tags, no script tag.
      expect(html).toContain('<meta name="maidian-endpoint" content="http://collector.test:8787">');
      expect(html).toContain('<meta name="maidian-key" content="k&#34;&#60;&#38;&#62;">');
    } else {
      expect(html).toContain(SNIPPET);
      // The trailing slash of the collector URL is dropped, so the SDK URL has no "//".
      expect(html).toContain(
        '<script async src="http://collector.test:8787/maidian.js" data-site="demo" data-endpoint="http://collector.test:8787" data-key="k&#34;&#60;&#38;&#62;"></script>',
      );
    }
  });

  it('serves the client-routed section on every /app path', async () => {
    for (const path of ['/app', '/app/', '/app/orders', '/app/rewards/deep/link']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('<main id="view"');
    }
  });

  it('answers 404 for unknown pages and files outside public/', async () => {
    for (const path of ['/missing.html', '/server.ts', '/%2e%2e/package.json', '/js/../../start.ts']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
  });

  it('serves the SDK build under /sdk/, or says how to build it', async () => {
    const app = createDemoSiteApp({ collectorUrl: 'http://c', sdkDir: '/nonexistent-maidian-sdk' });
    const s = await new Promise<Server>((ok) => {
      const x = app.listen(0, '127.0.0.1', () => ok(x));
    });
    try {
      const res = await fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}/sdk/index.mjs`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('npm run build');
    } finally {
      await new Promise<void>((ok) => s.close(() => ok()));
    }
  });
});

describe('demo collector configuration', () => {
  it('is valid as a file, with the demo dictionary loaded', () => {
    const { sites } = loadConfig(DEMO_CONFIG_PATH);
    const demo = sites.get('demo');
    expect(demo?.config.timezone).toBe('Asia/Shanghai');
    expect(Object.keys(demo?.dictionary.events ?? {}).sort()).toEqual(
      ['add_to_cart', 'begin_checkout', 'conversion', 'coupon_claim', 'newsletter_subscribe', 'page_view', 'signup', 'view_product'],
    );
  });

  it('adds the origins the demo really runs on, and stays valid as an object', () => {
    const config = loadDemoConfig(['http://127.0.0.1:5555']);
    expect(config.sites[0].allowedOrigins).toEqual(['http://127.0.0.1:8080', 'http://localhost:8080', 'http://127.0.0.1:5555']);
    expect(loadConfig(config, '/nonexistent-base').sites.get('demo')).toBeDefined();
    expect(demoCredentials(config)).toEqual({
      site: 'demo',
      writeKey: 'demo-write-key-camellia',
      readToken: 'demo-read-token-0123456789',
      adminToken: 'demo-admin-token-0123456789',
    });
  });
});
