// Idempotency without HTTP: what lib/data needs to store and compare a client's retry key
// (lib/data/idempotency.ts); lib/api/idempotency.ts reads the key from the request.
import { createHash } from 'node:crypto';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

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
