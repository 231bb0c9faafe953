/**
 * Storage failures the collector answers with 503 + Retry-After instead of 500: the disk is
 * full, the database file or its folder became read-only, an I/O error, a lock held too long.
 * None of them is the client's fault and all of them pass, so the SDK should keep its events
 * and send them again later; a 500 would say "the collector is broken". The transaction that
 * failed rolled back, so nothing of the request was stored and a retry cannot duplicate it.
 */

/** Seconds a client is asked to wait after a storage failure. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

/** SQLite result codes (primary part) that mean "storage unavailable right now". */
const TRANSIENT = new Set(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_PROTOCOL', 'SQLITE_NOLFS']);

/** What to tell the client about a storage failure. */
export interface StorageFailure {
  /** The SQLite code, e.g. SQLITE_FULL. */
  sqliteCode: string;
  message: string;
}

/**
 * Recognizes a better-sqlite3 error (`code` "SQLITE_…", extended codes like
 * SQLITE_IOERR_WRITE included) that means storage is temporarily unavailable, or returns null.
 */
export function storageFailure(err: unknown): StorageFailure | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const primary = code.split('_').slice(0, 2).join('_');
  if (!TRANSIENT.has(primary)) return null;
  return { sqliteCode: code, message: describe(primary) };
}

function describe(primary: string): string {
  switch (primary) {
    case 'SQLITE_FULL':
      return 'the collector cannot store events right now: its disk is full; nothing of this request was stored, send it again later';
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return 'the collector cannot store events right now: its database is not writable; nothing of this request was stored, send it again later';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'the collector database is busy; nothing of this request was stored, send it again later';
    default:
      return 'the collector cannot store events right now (storage I/O error); nothing of this request was stored, send it again later';
  }
}
