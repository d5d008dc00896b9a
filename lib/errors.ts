// The one error family of Triad (docs/decisions/018-one-shape.md). lib/data, lib/api and pages
// throw a DomainError; lib/api/handler.ts turns it into application/problem+json in one place, and
// pages turn NotFoundError into notFound(). Nothing else is thrown on purpose: a zod failure is
// converted by parseInput, so no ZodError leaves lib/data.
import type { z } from 'zod';

/** One refused field: the dotted path of the field in the request and what is wrong with it. */
export type FieldError = { path: string; message: string };

export type DomainErrorOptions = {
  /** Field errors, shown next to the fields (problem+json `errors`). */
  fieldErrors?: FieldError[];
  /** Extra members of the problem+json body (e.g. `currentVersion`). */
  extensions?: Record<string, unknown>;
  /** Extra response headers (e.g. `ETag`, `Retry-After`). */
  headers?: Record<string, string>;
};

/** A refusal with its HTTP status, the sentence a person reads, and structured detail. */
export class DomainError extends Error {
  readonly fieldErrors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    public readonly status: number,
    public readonly detail: string,
    options: DomainErrorOptions = {},
  ) {
    super(detail);
    this.name = new.target.name;
    this.fieldErrors = options.fieldErrors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }
}

/** Input that does not fit its schema, or names something unusable: 400 with field errors. */
export class InvalidInputError extends DomainError {
  constructor(fieldErrors: FieldError[], detail = 'Some fields are not valid.') {
    super(400, detail, { fieldErrors });
  }

  /** A 400 on one field. */
  static field(path: string, message: string): InvalidInputError {
    return new InvalidInputError([{ path, message }]);
  }
}

/** A request the HTTP layer cannot read at all (413 too large, 415 not JSON, 400 not JSON). */
export class UnreadableRequestError extends DomainError {
  constructor(detail: string, status: 400 | 413 | 415 = 400) {
    super(status, detail);
  }
}

/** Out of scope or absent: answers 404, exactly as a record that does not exist. */
export class NotFoundError extends DomainError {
  constructor(public readonly resource: string) {
    super(404, `The ${resource} was not found.`);
  }
}

/** A role-level denial on something the viewer can otherwise see: 403. */
export class ForbiddenError extends DomainError {
  constructor(detail = 'You do not have permission to do that.') {
    super(403, detail);
  }
}

/** The request conflicts with clinical state: 409, naming the field it is about when there is one. */
export class ConflictError extends DomainError {
  constructor(
    detail: string,
    public readonly field?: string,
  ) {
    super(409, detail, field ? { fieldErrors: [{ path: field, message: detail }] } : {});
  }
}

/** `If-Match` is stale (412) or missing where required (428). */
export class PreconditionError extends DomainError {
  constructor(status: 412 | 428, detail: string, options: DomainErrorOptions = {}) {
    super(status, detail, options);
  }
}

/**
 * A treatment-plan save against a version that is no longer current: 412 whose body says which
 * version is current (`currentVersion`) and whose ETag names it, so a client can reload and retry.
 */
export class StalePlanError extends PreconditionError {
  /** `what`: the record that moved on ("plan", "appointment"). */
  constructor(
    public readonly currentVersion: number,
    what = 'plan',
  ) {
    super(
      412,
      currentVersion === 0
        ? 'This patient has no plan yet: send If-Match: "0" to write the first version.'
        : `The ${what} has changed since you loaded it: it is at version ${currentVersion} now.`,
      { extensions: { currentVersion }, headers: { ETag: `"${currentVersion}"` } },
    );
  }
}

/** The field errors of a zod failure: one per issue, one per unknown key at the key's own path. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...at, key].join('.'), message: 'Unknown field.' }));
    }
    return [{ path: at.join('.') || '(body)', message: issue.message }];
  });
}

/** Parses with a zod schema; a value that does not fit is an InvalidInputError (400), never a ZodError. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInputError(fieldErrorsOf(result.error));
  return result.data;
}

/** The 400 for a well-formed cursor that names nothing in the list being paged. */
export function invalidCursor(): InvalidInputError {
  return InvalidInputError.field('cursor', 'Not a cursor this API gave out.');
}
