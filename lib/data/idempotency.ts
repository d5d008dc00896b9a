import 'server-only';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { lockFor } from '@/lib/data/lock';
import { ConflictError } from '@/lib/errors';
import { IDEMPOTENCY_HEADER, requestHash, type Idempotency } from '@/lib/idempotency';

/**
 * The recipe of every lib/data function that creates something, inside its transaction (after the
 * scope and role checks, so a replay never answers someone who may no longer ask):
 *
 *   (tx, patient) => idempotent(tx, viewer, idempotency, data, () => create(tx, patient, data))
 *
 * Runs `work` once per (user, key). A repeat of the same request (method, path and parsed `input`)
 * answers the stored body, runs nothing and sets `idempotency.replayed`; the same key with another
 * request is a ConflictError (409) on the Idempotency-Key header. Only successful answers are
 * stored: a refused request rolls back with its transaction and may be retried with the same key.
 * Without a key, `work` simply runs. `status` is the HTTP status the answer is stored with.
 */
export async function idempotent<T>(
  tx: Tx,
  viewer: Viewer,
  idempotency: Idempotency | undefined,
  input: unknown,
  work: () => Promise<T>,
  status: (body: T) => number = () => 201,
): Promise<T> {
  if (!idempotency) return work();
  const hash = requestHash(idempotency.method, idempotency.path, input);
  // Concurrent requests with one key wait here for the first to commit, then find its answer
  // (the unique (userId, key) constraint is the backstop).
  await lockFor(tx, 'idempotency', viewer.userId, idempotency.key);
  const stored = await tx.idempotencyKey.findFirst({
    where: { userId: viewer.userId, organizationId: viewer.organizationId, key: idempotency.key },
    select: { requestHash: true, responseBody: true },
  });
  if (stored) {
    if (stored.requestHash !== hash) {
      throw new ConflictError(
        'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        IDEMPOTENCY_HEADER,
      );
    }
    idempotency.replayed = true;
    // The body as it was sent: JSON, which every answer of the API already is.
    return stored.responseBody as T;
  }
  const body = await work();
  await tx.idempotencyKey.create({
    data: {
      organizationId: viewer.organizationId,
      userId: viewer.userId,
      key: idempotency.key,
      method: idempotency.method,
      path: idempotency.path,
      requestHash: hash,
      status: status(body),
      responseBody: JSON.parse(JSON.stringify(body)),
    },
  });
  return body;
}
