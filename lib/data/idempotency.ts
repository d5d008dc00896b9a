import 'server-only';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { ConflictError } from '@/lib/errors';
import { IDEMPOTENCY_HEADER } from '@/lib/api/idempotency';

export type IdempotentRequest = {
  key: string;
  method: string;
  path: string;
  requestHash: string;
};

export type IdempotentAnswer<T> = { status: number; body: T; replayed: boolean };

/**
 * For lib/data write functions, inside their transaction: runs `work` once per (user, key). A
 * repeat with the same request answers the stored status and body and runs nothing; the same key
 * with a different request is a ConflictError (409) on the Idempotency-Key header. Only successful
 * answers are stored: a refused request may be retried with the same key.
 */
export async function idempotent<T>(
  tx: Tx,
  viewer: Viewer,
  request: IdempotentRequest | undefined,
  work: () => Promise<{ status: number; body: T }>,
): Promise<IdempotentAnswer<T>> {
  if (!request) return { ...(await work()), replayed: false };
  // Concurrent requests with one key wait here for the first to commit, then find its answer
  // (the unique (userId, key) constraint is the backstop).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${viewer.userId}:${request.key}`}, 0))`;
  const stored = await tx.idempotencyKey.findFirst({
    where: { userId: viewer.userId, organizationId: viewer.organizationId, key: request.key },
    select: { requestHash: true, status: true, responseBody: true },
  });
  if (stored) {
    if (stored.requestHash !== request.requestHash) {
      throw new ConflictError(
        'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        IDEMPOTENCY_HEADER,
      );
    }
    return { status: stored.status, body: stored.responseBody as T, replayed: true };
  }
  const answer = await work();
  await tx.idempotencyKey.create({
    data: {
      organizationId: viewer.organizationId,
      userId: viewer.userId,
      key: request.key,
      method: request.method,
      path: request.path,
      requestHash: request.requestHash,
      status: answer.status,
      responseBody: JSON.parse(JSON.stringify(answer.body)),
    },
  });
  return { ...answer, replayed: false };
}
