import 'server-only';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { findPlan } from '@/lib/data/treatment-plans/shared';

export type CurrentPlan<S extends Prisma.TreatmentPlanVersionSelect> = {
  planId: string;
  version: Prisma.TreatmentPlanVersionGetPayload<{ select: S }>;
};

/**
 * THE lookup of the current plan (lib/data only, inside a withPatientAccess transaction): the
 * version the plan's `currentVersion` names, read with `select`, and the plan's id. Null before
 * the first version. The plan, the brief's facts, check-ins, trends, assessments and the
 * patient's summary all read "the current plan" through this one function
 * (docs/decisions/018-one-shape.md).
 */
export async function currentPlanVersion<S extends Prisma.TreatmentPlanVersionSelect>(
  tx: Tx,
  patient: ScopedPatient,
  select: S,
): Promise<CurrentPlan<S> | null> {
  const plan = await findPlan(tx, patient);
  if (!plan || plan.currentVersion === 0) return null;
  const version = (await tx.treatmentPlanVersion.findFirst({
    where: {
      planId: plan.id,
      version: plan.currentVersion,
      ...patientScope(patient),
    },
    select,
  })) as CurrentPlan<S>['version'] | null;
  return version && { planId: plan.id, version };
}
