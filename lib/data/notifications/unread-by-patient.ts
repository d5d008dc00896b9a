// The caseload's per-patient badge ("3 new"): the reader's unread items about each patient shown,
// in one grouped query whatever the number of rows.
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { inboxScope } from '@/lib/data/notifications/scope';

/**
 * The viewer's unread inbox items per patient of `patientIds` (absent: none). SECURITY: counted
 * inside inboxScope, so only the viewer's own items about patients still in their scope.
 */
export async function unreadByPatient(
  tx: Tx,
  viewer: Viewer,
  patientIds: string[],
): Promise<Map<string, number>> {
  if (patientIds.length === 0) return new Map();
  const groups = await tx.notification.groupBy({
    by: ['patientId'],
    where: { AND: [inboxScope(viewer), { readAt: null, patientId: { in: patientIds } }] },
    _count: { _all: true },
  });
  return new Map(
    groups.flatMap((group) => (group.patientId ? [[group.patientId, group._count._all]] : [])),
  );
}
