import { Router } from 'express';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppDeps } from '../app-deps.js';
import { requireRead } from '../auth.js';
import { HttpError } from '../http-error.js';
import { buildOpenApi } from '../../dictionary/openapi.js';

/** Where `npm run build` puts the script-tag SDK. */
export const SDK_BUNDLE = fileURLToPath(new URL('../../../../dist/sdk/maidian.js', import.meta.url));

/** Health, the SDK bundle, the OpenAPI document and site dictionaries. */
export function serviceRoutes(deps: AppDeps, sdkBundle: string = SDK_BUNDLE): Router {
  const router = Router();
  const openapi = buildOpenApi();
  router.get('/healthz', async (_req, res) => {
    const ok = await deps.store.ping().catch(() => false);
    res.status(ok ? 200 : 503).json({ ok, db: ok ? 'ok' : 'unreachable' });
  });
  router.get('/maidian.js', (_req, res) => {
    if (!existsSync(sdkBundle)) {
      throw new HttpError(404, 'sdk_not_built', 'the SDK bundle dist/sdk/maidian.js is missing; run "npm run build" and restart the collector');
    }
    res.sendFile(sdkBundle, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Access-Control-Allow-Origin': '*' }, maxAge: '1h' });
  });
  router.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  router.get('/v1/dictionary/:site', (req, res) => {
    requireRead(req, deps.config, req.params.site);
    const site = deps.sites.get(req.params.site);
    if (!site) throw new HttpError(404, 'unknown_site', `no site "${req.params.site}" is configured on this collector`);
    res.json(site.dictionary);
  });
  return router;
}
