/** Out of scope or absent: answers 404, exactly as a record that does not exist. */
export class NotFoundError extends Error {
  constructor(public readonly resource: string) {
    super(`${resource} not found`);
    this.name = 'NotFoundError';
  }
}

/** A role-level denial on something the viewer can otherwise see: 403. */
export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do that.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The request conflicts with clinical state: 409. */
export class ConflictError extends Error {
  constructor(
    message: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** `If-Match` is stale (412) or missing where required (428). */
export class PreconditionError extends Error {
  constructor(
    public readonly status: 412 | 428,
    message: string,
  ) {
    super(message);
    this.name = 'PreconditionError';
  }
}
