// The rows of the medication history and of the current regimen as lib/data reads them, and
// their DTOs. No 'server-only': the transaction-level write (record-change.ts) uses them, and
// the demo seed runs that write from a plain Node script.
import type { Prisma } from '@/prisma/generated/client';
import type { Viewer } from '@/lib/auth/viewer';
import { doseToNumber } from '@/lib/clinical/regimen';
import { toIsoDate } from '@/lib/format';
import type { MedicationChange, RegimenItem } from '@/lib/schemas/medications';

export const changeSelect = {
  id: true,
  action: true,
  medication: true,
  medicationKey: true,
  dose: true,
  unit: true,
  frequency: true,
  route: true,
  effectiveDate: true,
  reason: true,
  monitorFor: true,
  reviewBy: true,
  patientExplanation: true,
  noteForCareTeam: true,
  previousChangeId: true,
  correctsId: true,
  createdAt: true,
  prescriber: { select: { id: true, name: true } },
  correctedBy: { select: { id: true } },
} as const satisfies Prisma.MedicationChangeSelect;

type ChangeRow = Prisma.MedicationChangeGetPayload<{ select: typeof changeSelect }>;

/** The DTO of one change; the note for the care team only for a clinician. */
export function toChange(row: ChangeRow, viewer: Pick<Viewer, 'role'>): MedicationChange {
  const change: MedicationChange = {
    id: row.id,
    action: row.action,
    medication: row.medication,
    dose: doseToNumber(row.dose),
    unit: row.unit,
    frequency: row.frequency,
    route: row.route,
    effectiveDate: toIsoDate(row.effectiveDate),
    reason: row.reason,
    monitorFor: row.monitorFor,
    reviewBy: row.reviewBy ? toIsoDate(row.reviewBy) : null,
    patientExplanation: row.patientExplanation,
    prescriber: { id: row.prescriber.id, name: row.prescriber.name },
    previousChangeId: row.previousChangeId,
    correctsId: row.correctsId,
    correctedById: row.correctedBy?.id ?? null,
    createdAt: row.createdAt.toISOString(),
  };
  // SECURITY (docs/decisions/008-medication-changes.md): the note for the care team is for
  // clinicians; a patient never gets it.
  if (viewer.role !== 'PATIENT') change.noteForCareTeam = row.noteForCareTeam;
  return change;
}

export const stateSelect = {
  medicationKey: true,
  medication: true,
  status: true,
  dose: true,
  unit: true,
  frequency: true,
  route: true,
  since: true,
  lastChangeId: true,
} as const satisfies Prisma.MedicationStateSelect;

export type StateRow = Prisma.MedicationStateGetPayload<{ select: typeof stateSelect }>;

export function toRegimenItem(row: StateRow): RegimenItem {
  return { ...row, dose: doseToNumber(row.dose), since: toIsoDate(row.since) };
}
