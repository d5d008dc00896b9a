// The Idempotency-Key header of POST requests: a client that retries (a timeout, a double click)
// gets the first answer again instead of a second record. lib/data/idempotency.ts stores the keys.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A key is 1 to 200 visible ASCII characters (a UUID is the usual choice). */
export const IdempotencyKeyValue = z
  .string()
  .min(1, { message: 'An Idempotency-Key must not be empty.' })
  .max(200, { message: 'An Idempotency-Key is at most 200 characters.' })
  .regex(/^[\x21-\x7E]+$/, { message: 'Use visible ASCII characters only.' });

const Header = z.object({ [IDEMPOTENCY_HEADER]: IdempotencyKeyValue.optional() });

/**
 * The Idempotency-Key of one POST, as handle() passes it to a route and the route to the lib/data
 * function that creates (which hands it to `idempotent()` of lib/data/idempotency.ts).
 * `idempotent()` sets `replayed` when the answer is the stored one; handle() then adds the
 * Idempotent-Replayed header.
 */
export type Idempotency = {
  readonly key: string;
  readonly method: string;
  readonly path: string;
  replayed: boolean;
};

/** The request's Idempotency-Key, if any; a malformed one is a 400 naming the header. */
export function idempotencyOf(request: Request): Idempotency | undefined {
  const value = request.headers.get(IDEMPOTENCY_HEADER);
  if (value === null) return undefined;
  const key = Header.parse({ [IDEMPOTENCY_HEADER]: value })[IDEMPOTENCY_HEADER]!;
  return { key, method: request.method, path: new URL(request.url).pathname, replayed: false };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The fingerprint of a request: method, path and body (keys sorted, so field order does not
 * matter). The same key with another fingerprint is a different request: refused with 409.
 */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${JSON.stringify(canonical(body) ?? null)}`)
    .digest('hex');
}

/** The header that tells a client its answer is the stored one of an earlier request. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
