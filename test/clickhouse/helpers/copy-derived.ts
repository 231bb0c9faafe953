/**
 * Copies a refreshed SQLite database (events with their persons and sessions, and the sessions
 * table) into ClickHouse tables, as they are: each ClickHouse report query can then be compared
 * with its SQLite twin on identical derived data, apart from the ClickHouse refresh.
 */
import Database from 'better-sqlite3';
import type { ClickHouseDb } from '../../../collector/src/storage/clickhouse/clickhouse-db.js';

const CHUNK = 5000;

export async function copyDerived(sqlitePath: string, ch: ClickHouseDb): Promise<{ events: number; sessions: number }> {
  const db = new Database(sqlitePath, { readonly: true });
  try {
    const events = db.prepare(`
      SELECT e.*, (e.seq IN (SELECT seq FROM counted_conversions)) AS counted
      FROM events e ORDER BY e.seq`).all() as Record<string, unknown>[];
    for (let i = 0; i < events.length; i += CHUNK) {
      await ch.insert('events', events.slice(i, i + CHUNK).map(({ seq: _seq, ...e }) => ({ ...e, version: 1 })));
    }
    const sessions = db.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[];
    for (let i = 0; i < sessions.length; i += CHUNK) {
      await ch.insert('sessions', sessions.slice(i, i + CHUNK).map((s) => ({ ...s, deleted: 0, version: 1 })));
    }
    return { events: events.length, sessions: sessions.length };
  } finally {
    db.close();
  }
}
