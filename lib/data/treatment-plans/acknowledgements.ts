import 'server-only';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { idempotent } from '@/lib/data/idempotency';
import { withPatientAccess } from '@/lib/data/patient-access';
import { type ScopedPatient, patientScope } from '@/lib/data/scope';
import { currentPlanVersion } from '@/lib/data/treatment-plans/current';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { Idempotency } from '@/lib/idempotency';
import type { AcknowledgePlanInput, PlanAcknowledgement } from '@/lib/schemas/treatment-plan';

/** The patient's newest acknowledgement of a version of the plan (lib/data only), or null. */
export async function latestAcknowledgement(
  tx: Tx,
  patient: ScopedPatient,
  planId: string,
): Promise<PlanAcknowledgement | null> {
  const row = await tx.planAcknowledgement.findFirst({
    where: {
      ...patientScope(patient),
      planVersion: { planId },
    },
    orderBy: { planVersion: { version: 'desc' } },
    select: { acknowledgedAt: true, planVersion: { select: { version: true } } },
  });
  return row
    ? { version: row.planVersion.version, acknowledgedAt: row.acknowledgedAt.toISOString() }
    : null;
}

/** Records the acknowledgement of the current version once; returns the first one's time. */
async function acknowledgeCurrent(
  tx: Tx,
  patient: ScopedPatient,
  input: AcknowledgePlanInput,
): Promise<PlanAcknowledgement> {
  const current = await currentPlanVersion(tx, patient, { id: true, version: true });
  if (!current) throw new NotFoundError('treatment plan');
  const { id, version } = current.version;
  if (input.version !== version) {
    throw new ConflictError(
      `Version ${input.version} is not the current plan: please read version ${version}.`,
      'version',
    );
  }
  await tx.$executeRaw`
    INSERT INTO "PlanAcknowledgement" ("organizationId", "patientId", "planVersionId")
    VALUES (${patient.organizationId}::uuid, ${patient.id}::uuid, ${id}::uuid)
    ON CONFLICT ("planVersionId", "patientId") DO NOTHING`;
  const row = await tx.planAcknowledgement.findFirstOrThrow({
    where: { planVersionId: id, patientId: patient.id },
    select: { acknowledgedAt: true },
  });
  return { version, acknowledgedAt: row.acknowledgedAt.toISOString() };
}

/**
 * The patient only: records that they read version `input.version`, which must be the current one
 * (ConflictError otherwise). Idempotent: acknowledging again returns the first acknowledgement.
 */
export async function acknowledgeTreatmentPlan(
  viewer: Viewer,
  patientId: string,
  input: AcknowledgePlanInput,
  idempotency?: Idempotency,
): Promise<PlanAcknowledgement> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'treatmentPlan.acknowledge',
      action: 'acknowledge',
      resourceType: 'treatmentPlan',
      resourceId: `version ${input.version}`,
    },
    (tx, patient) =>
      idempotent(
        tx,
        viewer,
        idempotency,
        input,
        () => acknowledgeCurrent(tx, patient, input),
        () => 200,
      ),
  );
}
