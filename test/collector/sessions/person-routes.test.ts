import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../collector/src/config/load-config.js';
import { errorHandler, notFound } from '../../../collector/src/http/http-error.js';
import { personRoutes } from '../../../collector/src/http/routes/person-routes.js';
import { ADMIN_TOKEN, READ_TOKEN } from '../helpers/test-collector.js';
import { DAY, identifyAs, MINUTE, startSessionFixture, T0, view, type SessionFixture } from './session-fixture.js';

let f: SessionFixture;
let server: Server;
let base: string;

/**
 * The collector ingests; a second app on the same database file serves the person routes (the
 * lead mounts them in the collector's own app).
 */
beforeEach(async () => {
  f = await startSessionFixture();
  const runtime = loadConfig(join(f.c.dir, 'maidian.config.json'));
  const app = express();
  app.use(personRoutes({ db: f.db, config: runtime.config, sites: runtime.sites }));
  app.use(notFound);
  app.use(errorHandler);
  server = await new Promise<Server>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await f.stop();
});

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() as any };
}

async function seed(): Promise<void> {
  await f.send([
    view(T0, { anon: 'laptop' }),
    identifyAs(T0 + MINUTE, 'dora', {}, { anon: 'laptop' }),
    identifyAs(T0 + DAY, 'dora-2', {}, { anon: 'phone' }),
  ]);
}

describe('GET /v1/persons/:id', () => {
  it('answers the person view after refreshing, with a read token', async () => {
    await seed(); // not refreshed: the route must do it
    const res = await call('GET', '/v1/persons/dora?site=shop', READ_TOKEN);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ personId: 'dora', anonymousIds: [{ anonymousId: 'laptop', events: 2 }] });
    expect(res.body.sessions).toHaveLength(1);
  });

  it('answers 404, 401 and 400 with the error format', async () => {
    await seed();
    expect(await call('GET', '/v1/persons/nobody?site=shop', READ_TOKEN)).toMatchObject({ status: 404, body: { error: { code: 'person_not_found' } } });
    expect(await call('GET', '/v1/persons/dora?site=shop', 'not-a-token-at-all')).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    const missing = await call('GET', '/v1/persons/dora', READ_TOKEN);
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues).toEqual([expect.objectContaining({ path: '/query/site' })]);
    expect(await call('GET', '/v1/persons/dora?site=elsewhere', ADMIN_TOKEN)).toMatchObject({ status: 404, body: { error: { code: 'unknown_site' } } });
  });
});

describe('POST /v1/persons/merge and DELETE /v1/persons/:id', () => {
  it('merge needs the admin token and a valid body, and then joins the persons', async () => {
    await seed();
    expect((await call('POST', '/v1/persons/merge', READ_TOKEN, { site: 'shop', from: 'dora-2', into: 'dora' })).status).toBe(401);
    const bad = await call('POST', '/v1/persons/merge', ADMIN_TOKEN, { site: 'shop', from: 'dora-2', to: 'dora' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['/into', '/to']); // missing into, unknown key to
    const ok = await call('POST', '/v1/persons/merge', ADMIN_TOKEN, { site: 'shop', from: 'dora-2', into: 'dora' });
    expect(ok).toMatchObject({ status: 200, body: { from: 'dora-2', into: 'dora', merged: true } });
    const merged = await call('GET', '/v1/persons/dora-2?site=shop', READ_TOKEN);
    expect(merged.body.personId).toBe('dora');
    expect(merged.body.anonymousIds.map((a: { anonymousId: string }) => a.anonymousId)).toEqual(['laptop', 'phone']);
    const refused = await call('POST', '/v1/persons/merge', ADMIN_TOKEN, { site: 'shop', from: 'dora', into: 'anon:kiosk' });
    expect(refused).toMatchObject({ status: 404, body: { error: { code: 'person_not_found', issues: [{ path: '/into' }] } } });
  });

  it('refuses to merge an identified person into an anonymous one (409)', async () => {
    await seed();
    await f.send([view(T0, { anon: 'kiosk' })]);
    const res = await call('POST', '/v1/persons/merge', ADMIN_TOKEN, { site: 'shop', from: 'dora', into: 'anon:kiosk' });
    expect(res).toMatchObject({ status: 409, body: { error: { code: 'invalid_merge', issues: [{ path: '/into' }] } } });
  });

  it('deletes with the admin token and reports the counts', async () => {
    await seed();
    expect((await call('DELETE', '/v1/persons/dora?site=shop', READ_TOKEN)).status).toBe(401);
    const res = await call('DELETE', '/v1/persons/dora?site=shop', ADMIN_TOKEN);
    // dora: 2 laptop events in 1 session; identity user_id; link laptop→dora.
    expect(res).toMatchObject({ status: 200, body: { deleted: { personId: 'dora', events: 2, sessions: 1, identities: 1, identityLinks: 1, personMerges: 0, quarantine: 0 } } });
    expect((await call('GET', '/v1/persons/dora?site=shop', READ_TOKEN)).status).toBe(404);
    expect((await call('GET', '/v1/persons/dora-2?site=shop', READ_TOKEN)).status).toBe(200);
  });
});
