import 'server-only';
import { auditHash } from '@/lib/audit-chain';
import type { Tx } from '@/lib/db';
import { can, type Permission } from '@/lib/auth/policy';
import type { Role, Viewer } from '@/lib/auth/viewer';
import { db } from '@/lib/db';
import { ForbiddenError } from '@/lib/errors';

export type AuditEntry = {
  organizationId: string | null;
  actorId?: string | null;
  actorRole?: Role | null;
  actorEmail?: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  outcome: 'ALLOWED' | 'DENIED' | 'FAILED';
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  detail?: string | null;
};

/**
 * Appends one audit event inside the caller's transaction, chained by hash to the organization's
 * previous event. Called by lib/data only.
 * SECURITY: every read or write of patient data, and every denial, is recorded (PRODUCT.md).
 */
export async function writeAuditEvent(tx: Tx, entry: AuditEntry): Promise<void> {
  const chain = entry.organizationId ?? 'no-organization';
  // One writer at a time per organization, so each event sees its true predecessor.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'audit:' + chain}))`;
  const previous = await tx.auditEvent.findFirst({
    where: { organizationId: entry.organizationId },
    orderBy: { seq: 'desc' },
    select: { hash: true },
  });
  const occurredAt = new Date();
  const prevHash = previous?.hash ?? null;
  await tx.auditEvent.create({
    data: { ...entry, occurredAt, prevHash, hash: auditHash(prevHash, { ...entry, occurredAt }) },
  });
}

/** Records a viewer's access to patient data (or its denial) inside the caller's transaction. */
export function recordAccess(
  tx: Tx,
  viewer: Viewer,
  action: string,
  resourceType: string,
  options: {
    patientId?: string | null;
    resourceId?: string | null;
    outcome?: AuditEntry['outcome'];
    detail?: string;
  } = {},
): Promise<void> {
  return writeAuditEvent(tx, {
    organizationId: viewer.organizationId,
    actorId: viewer.userId,
    actorRole: viewer.role,
    actorEmail: viewer.email,
    action,
    resourceType,
    resourceId: options.resourceId ?? null,
    patientId: options.patientId ?? null,
    outcome: options.outcome ?? 'ALLOWED',
    ip: viewer.ip ?? null,
    userAgent: viewer.userAgent ?? null,
    requestId: viewer.requestId ?? null,
    detail: options.detail ?? null,
  });
}

/**
 * Role-level authorization for reads that are not about one patient (lib/data only): a role
 * without the permission gets ForbiddenError, and the denial is audited in its own transaction.
 */
export async function authorize(
  viewer: Viewer,
  permission: Permission,
  audit: { action: string; resourceType: string },
): Promise<void> {
  if (can(viewer, permission)) return;
  await db.$transaction((tx) =>
    recordAccess(tx, viewer, audit.action, audit.resourceType, {
      outcome: 'DENIED',
      detail: 'forbidden',
    }),
  );
  throw new ForbiddenError();
}
