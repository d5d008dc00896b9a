// Which inbox items a person may read: their own, in their organization, about a patient still in
// their scope (a clinician who leaves a care team stops seeing that patient's items), or about no
// patient. Every read of notifications goes through `inboxScope`.
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { patientsInScope } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';

/** SECURITY: the where-clause of every notification read (own, same organization, in scope). */
export function inboxScope(viewer: Viewer): Prisma.NotificationWhereInput {
  return {
    recipientId: viewer.userId,
    organizationId: viewer.organizationId,
    OR: [{ patientId: null }, { patient: patientsInScope(viewer) }],
  };
}

/**
 * An urgent item stays on top until its flag is acknowledged: "needs attention" means urgent with
 * the flag still OPEN, whether or not the item was opened.
 */
export const NEEDS_ATTENTION: Prisma.NotificationWhereInput = {
  urgent: true,
  safetyFlag: { status: 'OPEN' },
};

export type UnreadCounts = { unread: number; urgent: number };

/** The header badge: unread items, and urgent items whose flag nobody has acknowledged yet. */
export async function unreadCounts(tx: Tx, viewer: Viewer): Promise<UnreadCounts> {
  const scope = inboxScope(viewer);
  // One after the other: a transaction is one connection, and pg refuses overlapping queries on it.
  const unread = await tx.notification.count({ where: { AND: [scope, { readAt: null }] } });
  const urgent = await tx.notification.count({ where: { AND: [scope, NEEDS_ATTENTION] } });
  return { unread, urgent };
}
