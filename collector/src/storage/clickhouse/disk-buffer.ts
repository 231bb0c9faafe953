/**
 * The ClickHouse collector's local, on-disk buffer. A request is acknowledged once its records
 * are appended and fsynced here; a flusher then hands them to ClickHouse in batches (by size and
 * by time). When ClickHouse is unavailable, records wait on disk and go in when it returns; a
 * collector that crashes finds them on start. Nothing accepted is lost.
 *
 * Layout: records are appended to `open.jsonl`, one JSON line each. A flush renames it to
 * `sending-<n>.jsonl`, starts a new `open.jsonl`, inserts the sending file's records and deletes
 * it. Should the process die between the insert and the delete, the file is sent again on start:
 * every table it writes collapses repeats (ReplacingMergeTree on a key the record carries).
 */
import {
  closeSync, existsSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync,
} from 'node:fs';
import { join } from 'node:path';

/** Appends records durably and hands them to `send` in order. */
export class DiskBuffer<T> {
  private fd: number;
  private pending: T[] = [];
  private pendingSize = 0;
  private waiting: { lines: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private syncScheduled = false;
  private sequence = 0;
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly send: (records: T[]) => Promise<void>,
    /** Flush early once `size` of the pending records reaches `maxSize`; flush at least every `maxDelayMs`. */
    private readonly options: { maxSize: number; maxDelayMs: number; size: (record: T) => number },
  ) {
    mkdirSync(dir, { recursive: true });
    this.sequence = Math.max(0, ...this.sendingFiles().map((f) => Number(/\d+/.exec(f)![0])));
    this.fd = openSync(join(dir, 'open.jsonl'), 'a');
    // Records a previous process accepted but did not send: they go first.
    this.pending = readRecords<T>(join(dir, 'open.jsonl'));
    this.pendingSize = this.pending.reduce((n, r) => n + options.size(r), 0);
  }

  /**
   * Appends records and resolves once they are on disk. Appends in the same turn of the event
   * loop share one fsync.
   */
  append(records: T[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the ClickHouse buffer is closed'));
    if (records.length === 0) return Promise.resolve();
    const lines = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    return new Promise((resolve, reject) => {
      this.waiting.push({ lines, resolve, reject });
      this.pending.push(...records);
      for (const r of records) this.pendingSize += this.options.size(r);
      if (!this.syncScheduled) {
        this.syncScheduled = true;
        setImmediate(() => this.writeWaiting());
      }
    });
  }

  /** Sends everything on disk now; resolves when ClickHouse has it, rejects when it fails. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => {});
    // No await from here until `flushing` is set: two callers must not send the same file.
    if (this.waiting.length > 0) this.writeWaiting();
    if (this.pending.length === 0 && this.sendingFiles().length === 0) return;
    this.flushing = this.sendAll();
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  /** Starts the background flusher. */
  start(): void {
    const tick = () => {
      if (this.closed) return;
      const due = this.pending.length > 0 || this.sendingFiles().length > 0;
      const run = due ? this.flush() : Promise.resolve();
      run.then(
        () => { this.failures = 0; },
        () => { this.failures += 1; },
      ).finally(() => {
        if (this.closed) return;
        // While ClickHouse fails, back off up to 30 s between attempts.
        const delay = this.failures === 0 ? this.options.maxDelayMs : Math.min(30_000, this.options.maxDelayMs * 2 ** this.failures);
        this.timer = setTimeout(tick, delay);
        this.timer.unref();
      });
    };
    this.timer = setTimeout(tick, this.options.maxDelayMs);
    this.timer.unref();
  }

  /** Whether enough records wait for an early flush. */
  get full(): boolean {
    return this.pendingSize >= this.options.maxSize;
  }

  /** Stops the flusher after a last flush attempt; unsent records stay on disk for the next start. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.flush().catch(() => {});
    this.closed = true;
    closeSync(this.fd);
  }

  private writeWaiting(): void {
    this.syncScheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    try {
      writeSync(this.fd, batch.map((w) => w.lines).join(''));
      fdatasyncSync(this.fd);
      for (const w of batch) w.resolve();
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
    if (this.full && !this.flushing) void this.flush().catch(() => {});
  }

  /** Moves the open file aside and sends every sending file, oldest first. */
  private async sendAll(): Promise<void> {
    if (this.pending.length > 0) {
      closeSync(this.fd);
      this.sequence += 1;
      renameSync(join(this.dir, 'open.jsonl'), join(this.dir, `sending-${this.sequence}.jsonl`));
      this.fd = openSync(join(this.dir, 'open.jsonl'), 'a');
      syncDir(this.dir);
      this.pending = [];
      this.pendingSize = 0;
    }
    for (const file of this.sendingFiles()) {
      const path = join(this.dir, file);
      await this.send(readRecords<T>(path));
      unlinkSync(path);
    }
  }

  private sendingFiles(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((f) => /^sending-\d+\.jsonl$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  }
}

/** The records of a buffer file. A torn last line (a crash mid-append, never acknowledged) is skipped. */
function readRecords<T>(path: string): T[] {
  if (!existsSync(path)) return [];
  const records: T[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '') continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch {
      // Only the unacknowledged tail of an interrupted append can be incomplete.
    }
  }
  return records;
}

/** Makes a rename durable. */
function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}
