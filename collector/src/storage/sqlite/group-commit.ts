/**
 * Group commit for ingest. With `synchronous = FULL` every transaction costs an fsync, and the
 * fsync dominated ingest (a CPU profile put 55% of the collector's time in COMMIT at batch 20).
 * Requests that reach the store in the same turn of the event loop are therefore written in ONE
 * transaction and answered together after it committed: the durability promise is unchanged
 * ("acknowledged = committed"), the fsyncs are shared.
 */
interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (err: unknown) => void;
}

/**
 * Wraps `commit` (which writes all inputs in one transaction and returns one output per input) so
 * that callers submit one input at a time. If a group's transaction fails, each input is retried
 * alone, so one bad request cannot fail the others that happened to share its transaction.
 */
export function groupCommit<I, O>(commit: (inputs: I[]) => O[]): (input: I) => Promise<O> {
  let pending: Pending<I, O>[] = [];
  const flush = () => {
    const group = pending;
    pending = [];
    try {
      const outputs = commit(group.map((p) => p.input));
      group.forEach((p, i) => p.resolve(outputs[i]));
    } catch (err) {
      if (group.length === 1) return group[0].reject(err);
      for (const p of group) {
        try {
          p.resolve(commit([p.input])[0]);
        } catch (alone) {
          p.reject(alone);
        }
      }
    }
  };
  return (input) =>
    new Promise<O>((resolve, reject) => {
      if (pending.push({ input, resolve, reject }) === 1) setImmediate(flush);
    });
}
