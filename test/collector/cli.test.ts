import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../collector/src/cli-args.js';
import { batch, pageView } from './helpers/events.js';
import { CHROME_UA, SALT, shopDictionary } from './helpers/test-collector.js';

const BIN = new URL('../../collector/bin/maidian-collector.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'maidian-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, MAIDIAN_LOG_LEVEL: 'silent' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('maidian-collector CLI', () => {
  it('rejects unknown flags with the usage (exit 2)', async () => {
    const p = run(['--prot', '8787']);
    expect(await p.exited).toBe(2);
    expect(p.err()).toContain("Unknown option '--prot'");
    expect(p.err()).toContain('Usage: maidian-collector');
  });

  it('runs the scheduled jobs unless --no-jobs (extra collectors behind a load balancer)', () => {
    expect(parseCliArgs(['--config', 'c.json']).jobs).toBe(true);
    expect(parseCliArgs(['--config', 'c.json', '--no-jobs']).jobs).toBe(false);
  });

  it('explains a bad config with the place of each problem (exit 1)', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ sites: [{ id: 'shop', name: 'Shop', dictionary: 'd.json', salt: 'short' }], readTokens: [{ token: 'abc', sites: '*' }] }));
    const p = run(['--config', 'bad.json']);
    expect(await p.exited).toBe(1);
    expect(p.err()).toContain('/sites/0/salt: the salt must be at least 16 characters');
    expect(p.err()).toContain('/readTokens/0/token: tokens must be at least 16 characters');
  });

  it('serves ingest and shuts down gracefully on SIGTERM, committing what it acknowledged', async () => {
    writeFileSync(join(dir, 'shop.json'), JSON.stringify(shopDictionary()));
    writeFileSync(join(dir, 'maidian.config.json'), JSON.stringify({ sites: [{ id: 'shop', name: 'Shop', dictionary: './shop.json', salt: SALT }] }));
    const p = run(['--config', 'maidian.config.json', '--db', 'data/m.db', '--port', '0']);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /listening on (http:\/\/\S+)/.exec(p.out());
        if (m) { clearInterval(timer); resolve(m[1]); }
      }, 50);
      p.exited.then(() => { clearInterval(timer); reject(new Error(`exited early: ${p.err()}`)); });
    });
    const now = Date.now();
    const ev = pageView(now, '/');
    const res = await fetch(`${url}/v1/batch`, { method: 'POST', body: JSON.stringify(batch([ev], now, { key: undefined })), headers: { 'user-agent': CHROME_UA } });
    expect(await res.json()).toMatchObject({ accepted: 1 });
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const db = new Database(join(dir, 'data/m.db'), { readonly: true });
    expect(db.prepare('SELECT id FROM events').all()).toEqual([{ id: ev.id }]);
    db.close();
  });
});
