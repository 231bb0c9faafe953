import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../collector/src/storage/sqlite/sqlite-store.js';
import { MIGRATIONS_DIR } from '../../collector/src/storage/sqlite/load-sql.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'maidian-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'm.db');
};

describe('SQLite store', () => {
  it('applies the numbered migrations once, in order, and records them', async () => {
    const path = tempDb();
    await (await openSqliteStore(path)).close();
    await (await openSqliteStore(path)).close(); // reopening applies nothing twice
    const db = new Database(path, { readonly: true });
    const names = db.prepare('SELECT name FROM schema_migrations ORDER BY name').all();
    // Every numbered file in the migrations folder, each recorded once.
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+-.*\.sql$/.test(f)).sort();
    expect(files.slice(0, 4)).toEqual(['001-events.sql', '002-quarantine-request.sql', '003-events-order-index.sql', '004-counted-conversions.sql']);
    expect(names).toEqual(files.map((name) => ({ name })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('rolls back the whole batch when one row fails', async () => {
    const store = openSqliteStore(tempDb());
    const good = { site: 's', event_id: 'e', event: 'x', received_at: 1, sent_at: null, payload: '{}', reasons: [], dictionary_version: 1, request: null, scope: 'event' as const };
    // payload NOT NULL: the second quarantine row violates it, so the first must not persist.
    await expect(store.ingest([], [good, { ...good, payload: null as unknown as string }])).rejects.toThrow(/NOT NULL/);
    expect(await store.listQuarantine({ site: 's', status: 'open', limit: 10 })).toEqual([]);
    await store.close();
  });
});
