import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createWindowFunnelAggregate,
  createWindowFunnelStepsAggregate,
} from '../../../collector/src/analytics/funnels/window-funnel.js';

const MIN = 60_000;

describe('window funnel as a better-sqlite3 aggregate', () => {
  let dir: string;
  let db: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'maidian-funnel-'));
    db = new Database(join(dir, 'funnel.db'));
    db.exec('CREATE TABLE ev (user TEXT, name TEXT, ts INTEGER)');
    const options = { window: 30 * MIN, steps: 3, exclusions: [{ from: 2, to: 3 }] };
    db.aggregate('window_funnel', createWindowFunnelAggregate(options) as never);
    db.aggregate('window_funnel_steps', createWindowFunnelStepsAggregate(options) as never);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // SQLite gives | and << the same precedence (left to right), hence the parentheses.
  it('groups by user, accepts rows out of order and honours exclusions', () => {
    // Funnel view → cart → pay within 30 min; a 'refund_page' visit between cart and pay excludes.
    // u1 (inserted backwards): view 0, cart 10 min, pay 25 min → level 3, times [0, 10, 25] min.
    // u2: view 0, cart 40 min (past 30) → level 1.
    // u3: view 0, cart 5, refund_page 6, pay 7 → the chain breaks at cart → level 2.
    // u4: only pay → level 0.
    const rows: [string, string, number][] = [
      ['u1', 'pay', 25 * MIN], ['u1', 'cart', 10 * MIN], ['u1', 'view', 0],
      ['u2', 'view', 0], ['u2', 'cart', 40 * MIN],
      ['u3', 'view', 0], ['u3', 'pay', 7 * MIN], ['u3', 'refund_page', 6 * MIN], ['u3', 'cart', 5 * MIN],
      ['u4', 'pay', 0],
    ];
    const insert = db.prepare('INSERT INTO ev VALUES (?, ?, ?)');
    for (const r of rows) insert.run(...r);
    const result = db
      .prepare(
        `SELECT user,
                window_funnel(ts, (name = 'view') | ((name = 'cart') << 1) | ((name = 'pay') << 2), name = 'refund_page') AS level,
                window_funnel_steps(ts, (name = 'view') | ((name = 'cart') << 1) | ((name = 'pay') << 2), name = 'refund_page') AS times
         FROM ev GROUP BY user ORDER BY user`,
      )
      .all();
    expect(result).toEqual([
      { user: 'u1', level: 3, times: JSON.stringify([0, 10 * MIN, 25 * MIN]) },
      { user: 'u2', level: 1, times: '[0]' },
      { user: 'u3', level: 2, times: JSON.stringify([0, 5 * MIN]) },
      { user: 'u4', level: 0, times: '[]' },
    ]);
  });

  it('works with two arguments (no exclusion mask)', () => {
    db.prepare('INSERT INTO ev VALUES (?, ?, ?)').run('u1', 'view', 0);
    db.prepare('INSERT INTO ev VALUES (?, ?, ?)').run('u1', 'cart', MIN);
    const row = db.prepare(`SELECT window_funnel(ts, (name = 'view') | ((name = 'cart') << 1)) AS level FROM ev`).get();
    expect(row).toEqual({ level: 2 });
  });
});
