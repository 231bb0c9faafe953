/** Polling with a deadline: the specs wait for deliveries by watching the database, not by sleeping. */

/** Options of {@link waitFor}. */
export interface WaitOptions {
  /** Give up after this many ms. Default 15 000. */
  timeout?: number;
  /** Check every this many ms. Default 50. */
  interval?: number;
  /** What is awaited, for the timeout message. */
  what: string;
}

/**
 * Calls `probe` until it returns a value other than `undefined`, and resolves with that value.
 * Rejects after the timeout with a message naming what was awaited and the last value `show`
 * gave, so a failing spec says how far it got.
 */
export async function waitFor<T>(probe: () => T | undefined, options: WaitOptions, show?: () => unknown): Promise<T> {
  const deadline = Date.now() + (options.timeout ?? 15_000);
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const state = show ? `\nlast state: ${JSON.stringify(show(), null, 1)}` : '';
      throw new Error(`timed out after ${options.timeout ?? 15_000} ms waiting for ${options.what}${state}`);
    }
    await new Promise((r) => setTimeout(r, options.interval ?? 50));
  }
}
