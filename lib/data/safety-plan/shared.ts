// The safety plan's selects and answers, shared by its transaction-level write (./save.ts) and
// its API reads (./index.ts). No 'server-only' and no db import: the seed reaches it.
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { personSelect } from '@/lib/data/selects';
import { storedContent, type SafetyPlanVersion } from '@/lib/schemas/safety-plan';

export const safetyPlanVersionSelect = {
  version: true,
  createdAt: true,
  content: true,
  author: { select: personSelect },
} satisfies Prisma.SafetyPlanVersionSelect;

type VersionRow = Prisma.SafetyPlanVersionGetPayload<{ select: typeof safetyPlanVersionSelect }>;

/** A stored version as answers show it (its content re-read through the schema that wrote it). */
export function toSafetyPlanVersion(row: VersionRow): SafetyPlanVersion {
  return {
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    author: row.author,
    ...storedContent(row.content),
  };
}

/** The patient's safety-plan row (one per patient), or null before the first version. */
export function findSafetyPlan(tx: Tx, patient: ScopedPatient) {
  return tx.safetyPlan.findFirst({
    where: patientScope(patient),
    select: { id: true, currentVersion: true },
  });
}

/**
 * The current version of the patient's safety plan, as stored (null before the first). One
 * statement: the newest version is the current one (versions only move forward).
 */
export async function currentSafetyPlanVersion(tx: Tx, patient: ScopedPatient) {
  const plan = await tx.safetyPlan.findFirst({
    where: patientScope(patient),
    select: {
      currentVersion: true,
      versions: {
        where: { organizationId: patient.organizationId },
        orderBy: { version: 'desc' },
        take: 1,
        select: safetyPlanVersionSelect,
      },
    },
  });
  const newest = plan?.versions[0];
  return newest && newest.version === plan.currentVersion ? newest : null;
}
