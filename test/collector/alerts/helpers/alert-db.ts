/** A fresh collector database in a temp dir, with helpers to store alert rules. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertRule } from '../../../../collector/src/alerts/alert-rule.js';
import { insertRule } from '../../../../collector/src/storage/sqlite/alerts/alert-rules-store.js';
import { openSqliteStore, type SqliteStore } from '../../../../collector/src/storage/sqlite/sqlite-store.js';
import { rule } from './series-source.js';

/** A store on a new SQLite file; `dispose` closes it and removes the folder. */
export function freshStore(): { store: SqliteStore; dbPath: string; dispose(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'maidian-alerts-'));
  const dbPath = join(dir, 'maidian.db');
  const store = openSqliteStore(dbPath);
  return { store, dbPath, async dispose() { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Stores a rule (defaults from `rule()`): "no sessions in the last hour", hourly. */
export function storeRule(store: SqliteStore, over: Partial<AlertRule> = {}): AlertRule {
  const r = rule({ condition: { type: 'threshold', op: 'below', value: 1, inclusive: false }, ...over });
  insertRule(store.db, r);
  return r;
}
