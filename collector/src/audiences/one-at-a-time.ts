/**
 * Runs async work one at a time per database and key. A trigger run reads the pending firings,
 * posts them, then records the outcome; a second run starting in between (the minute schedule
 * and `POST /v1/triggers/run`) would read the same pending firings and post them twice. The
 * same holds for two pushes of one audience. The collector is one process over its SQLite
 * file, so an in-process queue is enough.
 */
const queues = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Runs `work` after every earlier call with the same `db` and `key` has settled. */
export function oneAtATime<T>(db: object, key: string, work: () => Promise<T>): Promise<T> {
  let byKey = queues.get(db);
  if (!byKey) queues.set(db, (byKey = new Map()));
  const previous = byKey.get(key) ?? Promise.resolve();
  const result = previous.then(work);
  // The queue waits for the outcome but not on it: a failure does not block the next caller.
  const tail = result.then(() => undefined, () => undefined);
  byKey.set(key, tail);
  void tail.then(() => {
    if (byKey.get(key) === tail) byKey.delete(key);
  });
  return result;
}
