/**
 * A lock within one runtime: each task starts once the one before it has settled. It is the
 * queue lock of mini-programs (one "tab"), and of browsers without Web Locks (older ones, and
 * pages on plain http, where `navigator.locks` is missing), where it still keeps one tab from
 * sending the same events twice at once.
 */
export function serial(): (task: () => Promise<void>) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return (task) => (last = last.then(task, task));
}
