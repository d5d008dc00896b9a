import 'server-only';
import { auditHash } from '@/lib/audit-chain';
import type { AuditAction, AuditResourceType } from '@/lib/audit-vocabulary';
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
  action: AuditAction;
  resourceType: AuditResourceType;
  resourceId?: string | null;
  patientId?: string | null;
  outcome: 'ALLOWED' | 'DENIED' | 'FAILED';
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  detail?: string | null;
};

/**
 * Appends audit events inside the caller's transaction, each chained by hash to the one before in
 * its organization's chain. Called by lib/data only.
 * SECURITY: every read or write of patient data, and every denial, is recorded (PRODUCT.md).
 */
export async function writeAuditEvents(tx: Tx, entries: AuditEntry[]): Promise<void> {
  const chains = new Map<string | null, AuditEntry[]>();
  for (const entry of entries) {
    chains.set(entry.organizationId, [...(chains.get(entry.organizationId) ?? []), entry]);
  }
  for (const [organizationId, chainEntries] of chains) {
    // One writer at a time per organization, so each event sees its true predecessor.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'audit:' + (organizationId ?? 'no-organization')}))`;
    const previous = await tx.auditEvent.findFirst({
      where: { organizationId },
      orderBy: { seq: 'desc' },
      select: { hash: true },
    });
    let prevHash = previous?.hash ?? null;
    const occurredAt = new Date();
    const rows = chainEntries.map((entry) => {
      const hash = auditHash(prevHash, { ...entry, occurredAt });
      const row = { ...entry, occurredAt, prevHash, hash };
      prevHash = hash;
      return row;
    });
    // createMany keeps the order of `rows`, so seq follows the chain.
    await tx.auditEvent.createMany({ data: rows });
  }
}

/** Appends one audit event inside the caller's transaction (see writeAuditEvents). */
export function writeAuditEvent(tx: Tx, entry: AuditEntry): Promise<void> {
  return writeAuditEvents(tx, [entry]);
}

function accessEntry(
  viewer: Viewer,
  action: AuditAction,
  resourceType: AuditResourceType,
  options: AccessOptions,
): AuditEntry {
  return {
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
  };
}

type AccessOptions = {
  patientId?: string | null;
  resourceId?: string | null;
  outcome?: AuditEntry['outcome'];
  detail?: string;
};

/**
 * Records that a list showed data of several patients (a caseload page, the care-team
 * overview): one event per patient, so each patient's "who viewed my record" shows it.
 */
export function recordListAccess(
  tx: Tx,
  viewer: Viewer,
  action: AuditAction,
  resourceType: AuditResourceType,
  patientIds: string[],
  detail?: string,
): Promise<void> {
  if (patientIds.length === 0) {
    return writeAuditEvent(tx, accessEntry(viewer, action, resourceType, { detail }));
  }
  return writeAuditEvents(
    tx,
    patientIds.map((patientId) => accessEntry(viewer, action, resourceType, { patientId, detail })),
  );
}

/** Records a viewer's access to patient data (or its denial) inside the caller's transaction. */
export function recordAccess(
  tx: Tx,
  viewer: Viewer,
  action: AuditAction,
  resourceType: AuditResourceType,
  options: AccessOptions = {},
): Promise<void> {
  return writeAuditEvent(tx, accessEntry(viewer, action, resourceType, options));
}

/**
 * Role-level authorization for reads that are not about one patient (lib/data only): a role
 * without the permission gets ForbiddenError, and the denial is audited in its own transaction.
 */
export async function authorize(
  viewer: Viewer,
  permission: Permission,
  audit: { action: AuditAction; resourceType: AuditResourceType },
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
