/**
 * How SQLite rows become ClickHouse rows for events and the quarantine. Columns are matched by
 * name against the ClickHouse table, so a column added to both engines is copied without a change
 * here; a SQLite column ClickHouse lacks is listed by `findSkipped`, never dropped silently.
 */
import type { ClickHouseDb } from '../clickhouse-db.js';
import type { ChunkRow } from './copy-table.js';

type Row = Record<string, unknown>;

/**
 * Columns of ClickHouse `events` the copy sets itself. The person, server session and counted
 * flag are derived: the ClickHouse collector recomputes them for every visitor marked dirty, and
 * its refresh writes them with a higher version. Version 0 makes the copy the oldest state of
 * every event, so whatever the ClickHouse collector writes for an event wins.
 */
const EVENT_FIXED: Row = { person_id: null, session_key: null, counted: 0, version: 0 };
/** SQLite columns of `events` deliberately not copied (`seq` is SQLite's insertion order). */
export const EVENT_NOT_COPIED = ['seq', 'person_id', 'session_key'];

/**
 * Writes a chunk of events and marks their visitors dirty. A chunk inserted twice is harmless:
 * events are a ReplacingMergeTree on (site, anonymous_id, id) and every report reads them with
 * FINAL, so both copies (same key, same version 0) count once; the dirty marks are a
 * ReplacingMergeTree on (site, anonymous_id) too.
 */
export function eventsWriter(ch: ClickHouseDb, chColumns: string[]): (rows: ChunkRow[]) => Promise<void> {
  return async (rows) => {
    await ch.insert('events', rows.map((r) => toClickHouseRow(r, chColumns, EVENT_FIXED)));
    // Marked after the events are in, with the time now as version: a ClickHouse refresh that
    // started earlier writes "clean" with an older version and cannot hide these events.
    const visitors = new Map<string, Row>();
    for (const r of rows) visitors.set(JSON.stringify([r.site, r.anonymous_id]), { site: r.site, anonymous_id: r.anonymous_id });
    const version = Date.now();
    await ch.insert('dirty_visitors', [...visitors.values()].map((v) => ({ ...v, dirty: 1, version })));
  };
}

/**
 * Writes a chunk of quarantined payloads with their qid and status. A chunk inserted twice is
 * harmless: the quarantine is a ReplacingMergeTree on qid, and both copies carry the same
 * version. The version is 0 for an open row and the replay time for a replayed one, so a
 * replayed copy supersedes an open copy of the same row, and a later replay done by the
 * ClickHouse collector (versioned with its own, later time) supersedes both.
 */
export function quarantineWriter(ch: ClickHouseDb, chColumns: string[]): (rows: ChunkRow[]) => Promise<void> {
  return async (rows) => {
    await ch.insert('quarantine', rows.map((r) => toClickHouseRow(r, chColumns, {
      version: r.status === 'replayed' && typeof r.replayed_at === 'number' ? r.replayed_at : 0,
    })));
  };
}

/**
 * Picks the SQLite values of the ClickHouse table's columns; `fixed` overrides. A ClickHouse
 * column SQLite lacks is left out, so ClickHouse fills its default.
 */
export function toClickHouseRow(row: Row, chColumns: readonly string[], fixed: Row = {}): Row {
  const out: Row = {};
  for (const c of chColumns) {
    if (c in fixed) out[c] = fixed[c];
    else if (c in row) out[c] = row[c];
  }
  return out;
}
