// The Idempotency-Key header of POST requests: a client that retries (a timeout, a double click)
// gets the first answer again instead of a second record. lib/data/idempotency.ts stores the keys.
import { z } from 'zod';
import { parseInput } from '@/lib/errors';
import { IDEMPOTENCY_HEADER, type Idempotency } from '@/lib/idempotency';

/** A key is 1 to 200 visible ASCII characters (a UUID is the usual choice). */
export const IdempotencyKeyValue = z
  .string()
  .min(1, { message: 'An Idempotency-Key must not be empty.' })
  .max(200, { message: 'An Idempotency-Key is at most 200 characters.' })
  .regex(/^[\x21-\x7E]+$/, { message: 'Use visible ASCII characters only.' });

const Header = z.object({ [IDEMPOTENCY_HEADER]: IdempotencyKeyValue.optional() });

/** The request's Idempotency-Key, if any; a malformed one is a 400 naming the header. */
export function idempotencyOf(request: Request): Idempotency | undefined {
  const value = request.headers.get(IDEMPOTENCY_HEADER);
  if (value === null) return undefined;
  const key = parseInput(Header, { [IDEMPOTENCY_HEADER]: value })[IDEMPOTENCY_HEADER]!;
  return { key, method: request.method, path: new URL(request.url).pathname, replayed: false };
}

/** The header that tells a client its answer is the stored one of an earlier request. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
