import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, READ_TOKEN, startTestCollector, type TestCollector } from '../helpers/test-collector.js';

let c: TestCollector;
beforeAll(async () => { c = await startTestCollector(); });
afterAll(async () => { await c.stop(); });

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const postCsv = (csv: string, token = ADMIN_TOKEN, site = 'shop') =>
  c.post(`/v1/costs/csv?site=${site}`, csv, { 'content-type': 'text/csv', authorization: `Bearer ${token}` });
const storedCosts = () => c.query('SELECT date, source, medium, campaign, cost, currency, impressions, clicks FROM ad_costs ORDER BY date, source, campaign');

describe('POST /v1/costs/csv', () => {
  it('lists every bad row with its line and stores nothing', async () => {
    const csv = [
      'date,source,medium,campaign,cost,currency,impressions,clicks', // line 1
      '2026-03-01,baidu,cpc,spring,200,CNY,10000,100', //                 line 2: fine
      '2026-02-30,baidu,cpc,spring,100,CNY,,', //                         line 3: no such day
      '2026-03-02,baidu,cpc,spring,abc,CNY,,', //                         line 4: cost not a number
      '2026-03-02,sogou,cpc,brand,50,cny,10.5,', //                       line 5: currency case, fractional impressions
      '2026-03-01,Baidu,CPC,spring,1,CNY,,', //                           line 6: same key as line 2
    ].join('\n');
    const res = await postCsv(csv);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_csv');
    expect(res.body.error.message).toMatch(/^5 problem\(s\), nothing was imported/);
    expect(res.body.error.issues.map((i: any) => i.path)).toEqual([
      '/lines/3/date', '/lines/4/cost', '/lines/5/currency', '/lines/5/impressions', '/lines/6',
    ]);
    expect(res.body.error.issues[0]).toEqual({ path: '/lines/3/date', message: 'line 3: is not a calendar day', expected: 'a calendar day YYYY-MM-DD (site time zone)' });
    expect(res.body.error.issues[1]).toMatchObject({ message: expect.stringMatching(/^line 4: /), expected: 'number' });
    expect(res.body.error.issues[4].message).toBe('line 6: the same date, source, medium and campaign already appear at line 2');
    expect(storedCosts()).toEqual([]);
  });

  it('names unknown and missing columns on line 1', async () => {
    const res = await postCsv('day,source,campaign,cost,currency\n2026-03-01,baidu,spring,1,CNY\n');
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: any) => [i.path, i.message])).toEqual([
      ['/lines/1/day', 'line 1: unknown column "day"'],
      ['/lines/1/date', 'line 1: the column "date" is missing'],
    ]);
  });

  it('stores a valid file, lowercasing names, and a re-import replaces the same day and campaign', async () => {
    const first = await postCsv('date,source,medium,campaign,cost,currency,clicks\n2026-03-01,Baidu,cpc,Spring,200,CNY,100\n2026-03-02,baidu,cpc,spring,100,CNY,\n');
    expect(first.body).toEqual({ site: 'shop', imported: 2 });
    // Column order is free; medium and counts are optional.
    const again = await postCsv('currency,cost,campaign,source,date,medium\nCNY,250,spring,baidu,2026-03-01,cpc\n');
    expect(again.body).toEqual({ site: 'shop', imported: 1 });
    expect(storedCosts()).toEqual([
      { date: '2026-03-01', source: 'baidu', medium: 'cpc', campaign: 'spring', cost: 250, currency: 'CNY', impressions: null, clicks: null },
      { date: '2026-03-02', source: 'baidu', medium: 'cpc', campaign: 'spring', cost: 100, currency: 'CNY', impressions: null, clicks: null },
    ]);
  });

  it('needs the admin token and a known site', async () => {
    expect((await postCsv('x', READ_TOKEN)).status).toBe(401);
    expect((await postCsv('date\n', ADMIN_TOKEN, 'nope')).status).toBe(404);
  });
});

describe('POST /v1/costs (JSON)', () => {
  it('reports every bad row by JSON pointer and stores nothing', async () => {
    const before = storedCosts().length;
    const res = await c.post('/v1/costs', { site: 'shop', rows: [
      { date: '2026-03-03', source: 'baidu', campaign: 'x', cost: 1, currency: 'CNY' },
      { date: '2026-03-03', source: '', campaign: 'x', cost: -1, currency: 'CNY', extra: 1 },
    ] }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: any) => i.path)).toEqual(['/rows/1/source', '/rows/1/cost', '/rows/1/extra']);
    expect(storedCosts()).toHaveLength(before);
  });
});

describe('maidian-import-costs (CLI)', () => {
  const bin = new URL('../../../collector/bin/maidian-import-costs.mjs', import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'maidian-costs-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 30_000 });

  it('imports a file into a fresh database', () => {
    const file = join(dir, 'ok.csv');
    writeFileSync(file, 'date,source,medium,campaign,cost,currency,impressions,clicks\n2026-03-01,baidu,cpc,spring,200,CNY,10000,100\n2026-03-01,sogou,cpc,brand,80.5,CNY,1000,20\n');
    const db = join(dir, 'm.db');
    const out = run('--db', db, '--site', 'shop', file);
    expect(out.stderr).not.toMatch(/problem/);
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(`imported 2 cost rows for site shop from ${file}\n`);
    const conn = new Database(db, { readonly: true });
    try {
      expect(conn.prepare('SELECT site, source, cost FROM ad_costs ORDER BY source').all()).toEqual([
        { site: 'shop', source: 'baidu', cost: 200 },
        { site: 'shop', source: 'sogou', cost: 80.5 },
      ]);
    } finally { conn.close(); }
  });

  it('refuses a file with errors, listing lines, and imports nothing', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'date,source,campaign,cost,currency\n2026-03-01,baidu,spring,1,CNY\n2026-13-01,baidu,spring,1,CNY\n');
    const db = join(dir, 'bad.db');
    const out = run('--db', db, '--site', 'shop', file);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('has 1 problem(s); nothing was imported');
    expect(out.stderr).toContain('line 3: is not a calendar day');
    expect(out.stdout).toBe('');
  });

  it('explains its usage', () => {
    const out = run('--site', 'shop');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--db is required');
    expect(out.stderr).toContain('usage: maidian-import-costs');
  });
});
