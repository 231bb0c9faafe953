import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../collector/src/app.js';
import { loadConfig } from '../../collector/src/config/load-config.js';
import { generatedFiles, ROOT } from '../../collector/src/dictionary/generate.js';
import { buildOpenApi } from '../../collector/src/dictionary/openapi.js';
import { openSqliteStore } from '../../collector/src/storage/sqlite/sqlite-store.js';
import { SALT, shopDictionary } from './helpers/test-collector.js';

describe('generated documents', () => {
  it.each([...generatedFiles()])('%s is up to date (run "npm run gen" after changing the dictionary)', (path, expected) => {
    const onDisk = readFileSync(join(ROOT, path), 'utf8');
    expect(onDisk === expected, `${path} is stale: run "npm run gen"`).toBe(true);
  });
});

describe('OpenAPI document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maidian-openapi-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Every (method, path) the Express app routes, with `:param` written `{param}`. */
  function appRoutes(): string[] {
    writeFileSync(join(dir, 'shop.json'), JSON.stringify(shopDictionary()));
    const config = loadConfig({ sites: [{ id: 'shop', name: 'Shop', dictionary: 'shop.json', salt: SALT }] }, dir);
    const app = createApp({ store: openSqliteStore(join(dir, 'db.sqlite')), config }) as any;
    const found: string[] = [];
    const walk = (stack: any[]) => {
      for (const layer of stack) {
        if (layer.route) {
          for (const m of Object.keys(layer.route.methods)) found.push(`${m} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
        } else if (layer.handle?.stack) walk(layer.handle.stack);
      }
    };
    walk(app.router.stack);
    return found.sort();
  }

  it('documents exactly the routes the app serves', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).sort();
    // The dashboard's page fallback (mounted under /dashboard) serves HTML, not the API.
    const served = appRoutes().filter((r) => r !== 'get /{*page}');
    expect(served.length).toBeGreaterThan(8);
    expect(documented).toEqual(served);
  });

  it('has no dangling $ref', () => {
    const doc = buildOpenApi() as { components: { schemas: Record<string, unknown> } };
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(doc.components.schemas, `missing component ${r}`).toHaveProperty([r]);
  });

  it('is served at /openapi.json', async () => {
    const { startTestCollector } = await import('./helpers/test-collector.js');
    const c = await startTestCollector();
    try {
      const res = await c.get('/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toBe('3.1.0');
      expect(res.body).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
    } finally {
      await c.stop();
    }
  });
});
