/**
 * A person operation that cannot be done, with a code the HTTP layer maps to a status:
 * `person_not_found` → 404, `invalid_merge` → 409.
 */
export class PersonError extends Error {
  constructor(
    readonly code: 'person_not_found' | 'invalid_merge',
    /** JSON pointer of the offending input, e.g. `/into`. */
    readonly pointer: string,
    message: string,
  ) {
    super(message);
    this.name = 'PersonError';
  }
}
