/**
 * Token rotation without a restart: the `maidian-collector` process re-reads its config file on
 * SIGHUP. A token added to the file works afterwards, a removed one stops working, and a broken
 * file is refused with its errors while the running config stays.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { READ_TOKEN } from '../collector/helpers/test-collector.js';
import { makeHome, shopConfig, spawnCollector, type CollectorHome, type CollectorProcess } from './helpers/spawn-collector.js';

const NEW_TOKEN = 'rotated-read-token-abcdef';
let home: CollectorHome | undefined;
let proc: CollectorProcess | undefined;
afterEach(async () => {
  if (proc) {
    proc.child.kill('SIGTERM');
    await proc.exited;
  }
  proc = undefined;
  home?.remove();
});

const summary = (url: string, token: string) =>
  fetch(`${url}/v1/stats/summary?site=shop&from=2024-01-01&to=2024-01-02`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

/** Sends SIGHUP and waits for the process to say what it did with the file. */
async function hangUp(p: CollectorProcess, expected: RegExp): Promise<void> {
  const before = p.stdout().length + p.stderr().length;
  p.child.kill('SIGHUP');
  const deadline = Date.now() + 5000;
  while (!expected.test(p.stdout() + p.stderr()) || p.stdout().length + p.stderr().length === before) {
    if (Date.now() > deadline) throw new Error(`no reload message; stdout: ${p.stdout()} stderr: ${p.stderr()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('SIGHUP reloads the config', () => {
  it('an added token works and a removed one stops working, without a restart', async () => {
    home = makeHome();
    proc = await spawnCollector(home);
    expect(await summary(proc.url, READ_TOKEN)).toBe(200);
    expect(await summary(proc.url, NEW_TOKEN)).toBe(401);

    // Step 1 of a rotation: both tokens valid.
    home.writeConfig(shopConfig({ readTokens: [{ token: READ_TOKEN, sites: ['shop'] }, { token: NEW_TOKEN, sites: ['shop'] }] }));
    await hangUp(proc, /config reloaded/);
    expect(await summary(proc.url, NEW_TOKEN)).toBe(200);
    expect(await summary(proc.url, READ_TOKEN)).toBe(200);

    // Step 2: the old token retired.
    home.writeConfig(shopConfig({ readTokens: [{ token: NEW_TOKEN, sites: ['shop'] }] }));
    await hangUp(proc, /config reloaded[\s\S]*config reloaded/);
    expect(await summary(proc.url, NEW_TOKEN)).toBe(200);
    expect(await summary(proc.url, READ_TOKEN)).toBe(401);
    expect(proc.child.pid).toBe(proc.pid);
  });

  it('a broken config is refused with its errors and the running one stays', async () => {
    home = makeHome();
    proc = await spawnCollector(home);
    // A token too short, and no sites at all: both must be named.
    home.writeConfig({ sites: [], readTokens: [{ token: 'short', sites: ['shop'] }] });
    await hangUp(proc, /new config refused/);
    expect(proc.stderr()).toMatch(/\/sites:/);
    expect(proc.stderr()).toMatch(/\/readTokens\/0\/token: tokens must be at least 16 characters/);
    expect(await summary(proc.url, READ_TOKEN)).toBe(200);

    // Invalid JSON is refused too, and the process keeps serving.
    writeFileSync(home.configPath, '{ "sites": [');
    await hangUp(proc, /new config refused[\s\S]*new config refused/);
    expect(proc.stderr().split('new config refused')[2]).toMatch(/JSON/);
    expect(await summary(proc.url, READ_TOKEN)).toBe(200);
  });
});
