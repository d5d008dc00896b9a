import 'server-only';
import { db, type Tx } from '@/lib/db';
import { can, type Permission } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import type { AuditAction, AuditResource } from '@/lib/audit-vocabulary';
import { isAudited, markAudited, recordAccess, recordListAccess } from '@/lib/data/audit';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { readClient, runsAsRead } from '@/lib/data/read-only';

export type OrganizationAccess = {
  /** The permission the role must carry (lib/auth/policy.ts). */
  permission: Permission;
  /** The audit action: 'read', 'list', 'create', 'update', 'delete'. */
  action: AuditAction;
  /** The audit resource, e.g. 'user', 'organization'. */
  resourceType: AuditResource;
  /** The record asked for (an account's id), as sent; lib/data/audit.ts sanitizes it. */
  resourceId?: string;
  /** A read that also writes: run in a transaction (see PatientAccess.writes). */
  writes?: true;
};

/**
 * The audit event of the access, which `work` completes as it learns: the record touched, the
 * patient it concerns (or the patients a list showed, all in the one event, which each patient's
 * access log shows), and a detail. A detail set before a refusal is thrown explains the refusal.
 */
export type AccessRecord = {
  resourceId?: string | null;
  patientId?: string | null;
  patientIds?: string[];
  detail?: string;
};

async function recordRefusal(
  viewer: Viewer,
  access: OrganizationAccess,
  record: AccessRecord,
  outcome: 'DENIED' | 'FAILED',
  detail: string,
): Promise<void> {
  // One INSERT, atomic by itself: no transaction around it.
  await recordAccess(db, viewer, access.action, access.resourceType, {
    resourceId: record.resourceId ?? access.resourceId ?? null,
    outcome,
    detail,
  });
}

/**
 * The one road to organization-level data (lib/data only): accounts, care-team assignments, the
 * audit trail, the organization's settings; a patient's record goes through withPatientAccess.
 * Checks the role's permission, runs `work` inside the viewer's organization (a write in one
 * transaction, a read on the read-only client)
 * (SECURITY: `work` pins every query to `viewer.organizationId`) and records the audit event.
 * A role without the permission gets ForbiddenError; a NotFoundError from `work` (a record outside
 * the organization) is audited DENIED, any other failure but refused input FAILED, each in a
 * transaction of its own since the failing one rolls back (docs/decisions/018-one-shape.md).
 */
export async function withOrganizationAccess<T>(
  viewer: Viewer,
  access: OrganizationAccess,
  work: (tx: Tx, record: AccessRecord) => Promise<T>,
): Promise<T> {
  const record: AccessRecord = {};
  if (!can(viewer, access.permission)) {
    await recordRefusal(viewer, access, record, 'DENIED', 'forbidden');
    throw markAudited(new ForbiddenError());
  }
  // `reader` runs the work; `writer` records the event (the same transaction for a write; for a
  // read, the read-only client and then the pool: docs/decisions/029-statements-per-read.md).
  const inOrganization = async (reader: Tx, writer: Tx) => {
    const result = await work(reader, record);
    const { patientIds, ...options } = record;
    if (patientIds) {
      await recordListAccess(
        writer,
        viewer,
        access.action,
        access.resourceType,
        patientIds,
        options.detail,
      );
    } else {
      await recordAccess(writer, viewer, access.action, access.resourceType, {
        ...options,
        resourceId: options.resourceId ?? access.resourceId ?? null,
      });
    }
    return result;
  };
  try {
    if (runsAsRead(access)) return await inOrganization(readClient, db);
    return await db.$transaction((tx) => inOrganization(tx, tx));
  } catch (error) {
    // Input refused (a 400, e.g. a cursor that is not one of this list's) changed nothing and names
    // no patient: like input refused before reaching lib/data, it is not recorded here.
    if (isAudited(error) || error instanceof InvalidInputError) throw error;
    const notFound = error instanceof NotFoundError;
    const detail = notFound
      ? 'not-found'
      : (record.detail ?? (error instanceof Error ? error.name : 'error'));
    await recordRefusal(viewer, access, record, notFound ? 'DENIED' : 'FAILED', detail);
    throw markAudited(error);
  }
}
