// No 'server-only' (and no db import; it takes the caller's Tx): the medication write, which the
// seed runs too, asks for a plan review through it (./plan-medications.ts).
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';

export type CurrentPlan<S extends Prisma.TreatmentPlanVersionSelect> = {
  planId: string;
  version: Prisma.TreatmentPlanVersionGetPayload<{ select: S }>;
};

/**
 * THE lookup of the current plan (lib/data only, inside withPatientAccess): the version the
 * plan's `currentVersion` names, read with `select`, and the plan's id. Null before the first
 * version. The plan, the brief's facts, check-ins, trends, assessments and the patient's summary
 * all read "the current plan" through this one function (docs/decisions/018-one-shape.md).
 * One statement: versions only move forward (lib/data/versioned-plan.ts), so the current one is
 * the newest, joined to the plan's row; a reader outside a transaction still sees both from one
 * snapshot.
 */
export async function currentPlanVersion<S extends Prisma.TreatmentPlanVersionSelect>(
  tx: Tx,
  patient: ScopedPatient,
  select: S,
): Promise<CurrentPlan<S> | null> {
  const plan = await tx.treatmentPlan.findFirst({
    where: patientScope(patient),
    select: {
      id: true,
      currentVersion: true,
      versions: {
        where: { organizationId: patient.organizationId },
        orderBy: { version: 'desc' },
        take: 1,
        select: { ...select, version: true },
      },
    },
  });
  const newest = plan?.versions[0] as (CurrentPlan<S>['version'] & { version: number }) | undefined;
  if (!plan || !newest || newest.version !== plan.currentVersion) return null;
  return { planId: plan.id, version: newest };
}
