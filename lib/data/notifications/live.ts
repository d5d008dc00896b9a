// The reads of the live stream (lib/live): a person's own unread counts, and, for the fallback
// that polls instead of listening, a fingerprint of each listening person's inbox. Neither writes
// an audit event: the counts are the reader's own (two numbers, no patient named) and the
// fingerprints never leave the server (docs/decisions/021-live-notifications.md).
import 'server-only';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import { ForbiddenError } from '@/lib/errors';
import { unreadCounts, type UnreadCounts } from '@/lib/data/notifications/scope';

/** Any signed-in person, for their own header badge: unread items and urgent ones still open. */
export async function readUnreadCounts(viewer: Viewer): Promise<UnreadCounts> {
  if (!can(viewer, 'notification.read')) throw new ForbiddenError('You have no inbox.');
  return unreadCounts(db, viewer);
}

/**
 * The live stream's poll (lib/live/listener.ts), not a person's read: for each user id, a
 * fingerprint that changes when an item arrives or is read. SECURITY: the fingerprints stay in
 * the process; what a stream then sends is its own viewer's counts, read through inboxScope.
 */
export async function inboxSignatures(userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.$queryRaw<
    { recipientId: string; total: bigint; unread: bigint; latest: Date | null }[]
  >`
    SELECT "recipientId", count(*) AS total, count(*) FILTER (WHERE "readAt" IS NULL) AS unread,
           max("createdAt") AS latest
    FROM "Notification" WHERE "recipientId" = ANY(${userIds}::uuid[]) GROUP BY "recipientId"`;
  return new Map(
    rows.map((row) => [
      row.recipientId,
      `${row.total}:${row.unread}:${row.latest?.toISOString() ?? ''}`,
    ]),
  );
}
