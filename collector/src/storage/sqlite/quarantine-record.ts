import type { QuarantineRecord } from '../store.js';

/** A quarantine row as SQLite returns it: JSON columns still text. */
export interface QuarantineDbRow extends Omit<QuarantineRecord, 'reasons' | 'request'> {
  reasons: string;
  request: string | null;
}

/** Decodes the JSON columns of a quarantine row. */
export function parseQuarantineRecord(row: QuarantineDbRow): QuarantineRecord {
  return {
    ...row,
    reasons: JSON.parse(row.reasons),
    request: row.request ? JSON.parse(row.request) : null,
  };
}
