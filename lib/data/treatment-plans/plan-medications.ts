// The plan's medication items and the live regimen: what the plan shows next to each one, the
// check that a named medication is the patient's, and the "review the plan" items a change of
// one of them asks for (docs/decisions/034-plan-follows-the-regimen.md). No 'server-only' and no
// db import: the medication write (record-change.ts), which the seed runs too, calls them.
import type { Tx } from '@/lib/db';
import { doseToNumber, type DoseValue } from '@/lib/clinical/regimen';
import { chartPath, notifyTx } from '@/lib/data/notifications/notify';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { currentPlanVersion } from '@/lib/data/treatment-plans/current';
import type { FieldError } from '@/lib/errors';
import type { PlanMedication } from '@/lib/schemas/treatment-plan';

// A patient's regimen holds far fewer medications; no read is unbounded.
const MAX_MEDICATIONS = 100;

/**
 * The patient's medications as the regimen has them now: those active or held, and any other
 * (stopped) that `keys` name, oldest name first. One statement.
 */
export async function planMedications(
  tx: Tx,
  patient: ScopedPatient,
  keys: readonly string[],
): Promise<PlanMedication[]> {
  const rows = await tx.medicationState.findMany({
    where: {
      ...patientScope(patient),
      OR: [{ status: { in: ['ACTIVE', 'HELD'] } }, { medicationKey: { in: [...keys] } }],
    },
    orderBy: { medication: 'asc' },
    take: MAX_MEDICATIONS,
    select: medicationSelect,
  });
  return toPlanMedications(rows, keys);
}

const medicationSelect = {
  medicationKey: true,
  medication: true,
  status: true,
  dose: true,
  unit: true,
  frequency: true,
} as const;

/**
 * The nested select of a patient's regimen rows (every medication ever taken, one row each), to
 * read them in the same statement as the plan; `toPlanMedications` keeps what the plan shows.
 */
export function regimenSelect(organizationId: string) {
  return {
    where: { organizationId },
    orderBy: { medication: 'asc' },
    take: MAX_MEDICATIONS,
    select: medicationSelect,
  } as const;
}

type RegimenRow = {
  medicationKey: string;
  medication: string;
  status: PlanMedication['status'];
  dose: DoseValue;
  unit: string | null;
  frequency: string | null;
};

/** The medications active or held, and those `keys` name, from the regimen rows. */
export function toPlanMedications(
  rows: readonly RegimenRow[],
  keys: readonly string[],
): PlanMedication[] {
  return rows
    .filter((row) => row.status !== 'STOPPED' || keys.includes(row.medicationKey))
    .map((row) => ({ ...row, dose: doseToNumber(row.dose) }));
}

/** The medication keys a plan's interventions name, once each. */
export function linkedKeys(interventions: readonly { medicationKey: string | null }[]): string[] {
  return [...new Set(interventions.flatMap((i) => (i.medicationKey ? [i.medicationKey] : [])))];
}

/** Every medication an intervention names is in the patient's history (a 400 on the field). */
export async function checkMedicationKeys(
  tx: Tx,
  patient: ScopedPatient,
  interventions: readonly { medicationKey?: string | null }[],
): Promise<FieldError[]> {
  const keys = linkedKeys(interventions.map((i) => ({ medicationKey: i.medicationKey ?? null })));
  if (keys.length === 0) return [];
  const rows = await tx.medicationState.findMany({
    where: { ...patientScope(patient), medicationKey: { in: keys } },
    take: MAX_MEDICATIONS,
    select: { medicationKey: true },
  });
  const known = new Set(rows.map((r) => r.medicationKey));
  return interventions.flatMap((item, index) =>
    item.medicationKey && !known.has(item.medicationKey)
      ? [
          {
            path: `interventions.${index}.medicationKey`,
            message: 'Choose a medication from this patient’s medication list.',
          },
        ]
      : [],
  );
}

/**
 * After a change of medication `key`: when the current plan has an intervention about it, an
 * item "review the plan" for the prescriber who recorded the change and for the owner of that
 * intervention (when another active clinician of the team), in the change's transaction. One
 * per recipient, plan version and medication (`dedupeKey`), so repeated changes before the plan
 * is saved again add nothing; saving the plan resolves them (`resolvePlanReviewItems`).
 * SECURITY: notifyTx writes only to active members of the patient's team.
 */
export async function askForPlanReviewTx(
  tx: Tx,
  patient: ScopedPatient,
  prescriberId: string,
  change: { id: string; medication: string; medicationKey: string },
  at?: Date,
): Promise<void> {
  const plan = await currentPlanVersion(tx, patient, {
    version: true,
    interventions: {
      where: { medicationKey: change.medicationKey },
      take: MAX_MEDICATIONS,
      select: { ownerId: true },
    },
  });
  if (!plan) return;
  const newest = plan.version;
  if (newest.interventions.length === 0) return;
  const owners = newest.interventions.flatMap((i) => (i.ownerId ? [i.ownerId] : []));
  const recipients = new Set([prescriberId, ...owners]);
  for (const clinicianId of recipients) {
    await notifyTx(
      tx,
      patient,
      { clinicianId },
      {
        kind: 'PLAN_MEDICATION_REVIEW',
        careTeamSummary: `Review the treatment plan: it names ${change.medication}, whose regimen changed.`,
        careTeamLink: chartPath(patient.id, '/plan'),
        subjectId: change.id,
        // Not the actor: this is a task for the prescriber who made the change, not news of it.
        actorId: null,
        dedupeKey: `plan-medication-review:${plan.planId}:${newest.version}:${change.medicationKey}`,
        at,
      },
    );
  }
}

/** Saving the plan is its review: the open "review the plan" items of this patient are done. */
export async function resolvePlanReviewItems(tx: Tx, patient: ScopedPatient): Promise<void> {
  await tx.notification.updateMany({
    where: { ...patientScope(patient), kind: 'PLAN_MEDICATION_REVIEW', readAt: null },
    data: { readAt: new Date() },
  });
}
