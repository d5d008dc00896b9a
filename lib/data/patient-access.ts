import 'server-only';
import { z } from 'zod';
import { db, type Tx } from '@/lib/db';
import { can, patientsInScope, type Permission } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import type { AuditAction, AuditResource } from '@/lib/audit-vocabulary';
import { markAudited, recordAccess } from '@/lib/data/audit';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { readClient, runsAsRead } from '@/lib/data/read-only';

export type PatientAccess = {
  /** The permission the role must carry (checked after scope: out of scope is 404, not 403). */
  permission: Permission;
  /** The audit action: 'read', 'create', 'update', 'sign', ... */
  action: AuditAction;
  /** The audit resource type, e.g. 'medicationChange'. */
  resourceType: AuditResource;
  resourceId?: string;
  /**
   * A read that also writes (opening a conversation moves the reader's mark): run in a
   * transaction like a write, audited as the read it is to the patient.
   */
  writes?: true;
};

export { patientScope, type ScopedPatient } from '@/lib/data/scope';
import type { ScopedPatient } from '@/lib/data/scope';

const Id = z.guid();

async function auditOutcome(
  viewer: Viewer,
  patientId: string | null,
  access: PatientAccess,
  outcome: 'DENIED' | 'FAILED',
  detail: string,
) {
  // One INSERT, atomic by itself: no transaction around it.
  await recordAccess(db, viewer, access.action, access.resourceType, {
    patientId,
    resourceId: access.resourceId ?? (patientId ? null : undefined),
    outcome,
    detail,
  });
}


/**
 * The one road to a patient's data (lib/data only): finds the patient inside the viewer's scope,
 * checks the role's permission, runs `work` and records the audit event: a write all in one
 * transaction, a read (action 'read' or 'list') on the read-only client, its event written before
 * it returns.
 * SECURITY (docs/decisions/001-architecture.md): out of scope or absent is NotFoundError (404), exactly as a
 * patient that does not exist; a role-level denial in scope is ForbiddenError (403); both denials,
 * and a write that fails, are audited in a transaction of their own, since the failing one rolls
 * back. `auditId` names the record touched when it is only known after `work` (a created row).
 */
export async function withPatientAccess<T>(
  viewer: Viewer,
  patientId: string,
  access: PatientAccess,
  work: (tx: Tx, patient: ScopedPatient) => Promise<T>,
  auditId?: (result: T) => string | null,
): Promise<T> {
  if (!Id.safeParse(patientId).success) {
    // The malformed id itself goes in resourceId, as a marker (lib/data/audit.ts sanitizes it).
    await auditOutcome(viewer, null, { ...access, resourceId: patientId }, 'DENIED', 'not-found');
    throw markAudited(new NotFoundError('patient'));
  }
  let denial: 'not-found' | 'forbidden' | null = null;
  // `reader` runs the scope check and the work; `writer` records the event (the same transaction
  // for a write; for a read, the read-only client and then the pool).
  const inScope = async (reader: Tx, writer: Tx) => {
    const patient = await reader.patient.findFirst({
      // SECURITY: AND, never a spread: a patient's scope has its own `id`, which a spread would
      // let override the requested one (any id would then answer with the viewer's own record).
      where: { AND: [{ id: patientId }, patientsInScope(viewer)] },
      select: { id: true, organizationId: true },
    });
    if (!patient) {
      denial = 'not-found';
      throw new NotFoundError('patient');
    }
    if (!can(viewer, access.permission)) {
      denial = 'forbidden';
      throw new ForbiddenError();
    }
    const result = await work(reader, patient);
    await recordAccess(writer, viewer, access.action, access.resourceType, {
      patientId: patient.id,
      resourceId: access.resourceId ?? auditId?.(result) ?? null,
    });
    return result;
  };
  try {
    if (runsAsRead(access)) return await inScope(readClient, db);
    return await db.$transaction((tx) => inScope(tx, tx));
  } catch (error) {
    if (denial === 'not-found') {
      // The requested id goes in resourceId, never patientId: it may name another tenant's patient.
      await auditOutcome(viewer, null, { ...access, resourceId: patientId }, 'DENIED', 'not-found');
    } else if (denial === 'forbidden') {
      await auditOutcome(viewer, patientId, access, 'DENIED', 'forbidden');
    } else {
      await auditOutcome(
        viewer,
        patientId,
        access,
        'FAILED',
        error instanceof Error ? error.name : 'error',
      );
    }
    throw markAudited(error);
  }
}

/** What the API wrapper knows of a refused request on a patient-scoped route. */
export type Refusal = {
  /** The `{patientId}` of the path, as sent. */
  requestedPatientId: string;
  /** Another id of the path (a note, a membership), as sent. */
  resourceId?: string;
  action: AuditAction;
  resourceType: AuditResource;
  status: number;
};

const REFUSAL_DETAIL: Record<number, string> = {
  400: 'invalid-input',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'stale-version',
  413: 'body-too-large',
  415: 'body-not-json',
  428: 'version-missing',
};

/**
 * Records a refusal on a patient-scoped route that no lib/data function recorded, because the
 * request was refused before reaching one (a body or query that fails validation, a malformed
 * path id, a missing If-Match). SECURITY: the patient id is recorded only when the viewer may see
 * that patient; otherwise the requested id goes in resourceId, sanitized, never in patientId (it
 * may name another tenant's patient). Reads nothing but the patient's id.
 */
export async function recordRefusal(viewer: Viewer, refusal: Refusal): Promise<void> {
  const { requestedPatientId, status } = refusal;
  await db.$transaction(async (tx) => {
    const patient = Id.safeParse(requestedPatientId).success
      ? await tx.patient.findFirst({
          where: { AND: [{ id: requestedPatientId }, patientsInScope(viewer)] },
          select: { id: true },
        })
      : null;
    await recordAccess(tx, viewer, refusal.action, refusal.resourceType, {
      patientId: patient?.id ?? null,
      resourceId: patient ? (refusal.resourceId ?? null) : requestedPatientId,
      outcome: status === 403 || status === 404 ? 'DENIED' : 'FAILED',
      detail: REFUSAL_DETAIL[status] ?? `status-${status}`,
    });
  });
}
