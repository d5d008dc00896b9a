import { db } from '@/lib/db';

/** The audit events `actorId` left reading `resourceType` with `outcome`, oldest first. */
export function readEvents(actorId: string, resourceType: string, outcome: 'ALLOWED' | 'DENIED') {
  return db.auditEvent.findMany({
    where: { actorId, resourceType, action: 'read', outcome },
    orderBy: { seq: 'asc' },
  });
}
