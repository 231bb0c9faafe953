/** A problem the operator can fix (a missing file, an unreachable server): printed without a stack. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}
