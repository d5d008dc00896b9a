import 'server-only';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { personSelect } from '@/lib/data/selects';
import { toIsoDate } from '@/lib/format';
import type { PlanReviewRequest, PlanVersion } from '@/lib/schemas/treatment-plan';

// The selects and mappings every verb of lib/data/treatment-plans shares (lib/data only).

// Generous bounds: a real plan holds far fewer, but no read is unbounded.
export const MAX_ROWS = 100;

/** What a goal is and how it is measured (every read of a plan's goals selects these). */
export const goalFields = {
  description: true,
  status: true,
  measureKind: true,
  measureName: true,
  measureUnit: true,
  direction: true,
  targetValue: true,
  targetDate: true,
  patientWording: true,
} as const;

export const versionSelect = {
  version: true,
  createdAt: true,
  changeSummary: true,
  patientSummary: true,
  presentingConcerns: true,
  patientGoalsOwnWords: true,
  reviewBy: true,
  assessmentIntervalDays: true,
  author: { select: personSelect },
  goals: {
    orderBy: { position: 'asc' },
    take: MAX_ROWS,
    select: { goalKey: true, ...goalFields },
  },
  interventions: {
    orderBy: { position: 'asc' },
    take: MAX_ROWS,
    select: {
      kind: true,
      description: true,
      ownerId: true,
      frequency: true,
      owner: { select: personSelect },
      medicationKey: true,
    },
  },
} as const satisfies Prisma.TreatmentPlanVersionSelect;

type VersionRow = Prisma.TreatmentPlanVersionGetPayload<{ select: typeof versionSelect }>;

export function toPlanVersion(row: VersionRow): PlanVersion {
  return {
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    author: row.author,
    changeSummary: row.changeSummary,
    patientSummary: row.patientSummary,
    presentingConcerns: row.presentingConcerns,
    patientGoalsOwnWords: row.patientGoalsOwnWords,
    reviewBy: row.reviewBy ? toIsoDate(row.reviewBy) : null,
    assessmentIntervalDays: row.assessmentIntervalDays,
    goals: row.goals.map((g) => ({
      ...g,
      targetDate: g.targetDate ? toIsoDate(g.targetDate) : null,
    })),
    interventions: row.interventions,
  };
}

/** The patient's plan row: its id and the number of its current version (0 before the first). */
export async function findPlan(tx: Tx, patient: ScopedPatient) {
  return tx.treatmentPlan.findFirst({
    where: patientScope(patient),
    select: { id: true, currentVersion: true },
  });
}

/** One version of the patient's plan (a patient has one plan), or null. */
export async function findVersion(
  tx: Tx,
  patient: ScopedPatient,
  version: number,
): Promise<PlanVersion | null> {
  const row = await tx.treatmentPlanVersion.findFirst({
    where: { version, patientId: patient.id, organizationId: patient.organizationId },
    select: versionSelect,
  });
  return row ? toPlanVersion(row) : null;
}

/** The active prescribers and therapists of the patient's team, once each, oldest member first. */
export async function activeClinicians(tx: Tx, patient: ScopedPatient) {
  const rows = await tx.careTeamMembership.findMany({
    // SECURITY: only active members of this patient's team, in the patient's organization.
    where: {
      ...patientScope(patient),
      endedAt: null,
      clinician: {
        role: { in: ['PRESCRIBER', 'THERAPIST'] },
        organizationId: patient.organizationId,
        disabledAt: null,
      },
    },
    orderBy: { startedAt: 'asc' },
    take: MAX_ROWS,
    select: { clinician: { select: personSelect } },
  });
  const seen = new Set<string>();
  return rows
    .map((r) => r.clinician)
    .filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

export const reviewRequestSelect = {
  id: true,
  reason: true,
  detail: true,
  createdAt: true,
  resolvedAt: true,
  resolvedBy: { select: personSelect },
} as const satisfies Prisma.PlanReviewRequestSelect;

export function toReviewRequest(
  row: Prisma.PlanReviewRequestGetPayload<{ select: typeof reviewRequestSelect }>,
): PlanReviewRequest {
  return {
    id: row.id,
    reason: row.reason,
    detail: row.detail,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy,
  };
}
