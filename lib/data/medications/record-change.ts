// The one write of the medication history: append a change and project it onto the current
// regimen (MedicationState), inside the caller's transaction. The API (recordMedicationChange in
// ./index.ts) wraps it with the access check, the audit and idempotency; the demo seed and the
// test factories call it as it is, so there is one chain and one projection
// (docs/decisions/008-medication-changes.md). No 'server-only' and no db import: the seed runs it
// from a plain Node script, with its own client.
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import {
  applyChange,
  deriveRegimen,
  doseToNumber,
  medicationKey,
  transitionConflict,
  type MedicationStateValue,
} from '@/lib/clinical/regimen';
import { ConflictError, InvalidInputError } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import {
  DOSE_ACTIONS,
  type MedicationChange,
  type MedicationChangeData,
} from '@/lib/schemas/medications';
import { changeSelect, stateSelect, toChange } from './rows';
import { patientScope } from '@/lib/data/scope';
import { notifyMedicationChange } from '@/lib/data/notifications/events';
import { askForPlanReviewTx } from '@/lib/data/treatment-plans/plan-medications';

/** Who records the change: a prescriber (the viewer in the API, a demo or test user otherwise). */
export type Prescriber = Pick<Viewer, 'userId' | 'role'>;
type PatientRef = { id: string; organizationId: string };

/**
 * Appends one change (already parsed: MedicationChangeInput's output) and updates the regimen,
 * in `tx`. ConflictError (409) when the regimen does not allow it. `at` is the recording time
 * (default: now), given by the seed so the demo history reads as recorded on its days. Writes no
 * audit event: the audit records what a person did through the app, and the API's wrapper adds
 * it; the demo's history is not anyone's access.
 */
export async function recordMedicationChangeTx(
  tx: Tx,
  prescriber: Prescriber,
  patient: PatientRef,
  data: MedicationChangeData,
  at?: Date,
): Promise<MedicationChange> {
  // SECURITY (regimen integrity): one change at a time per patient, so two concurrent changes
  // cannot both pass the checks below against the same state. NO KEY UPDATE leaves the rows that
  // reference the patient (check-ins, notes) free to be written meanwhile.
  await tx.$queryRaw`SELECT id FROM "Patient" WHERE id = ${patient.id}::uuid FOR NO KEY UPDATE`;
  const base = {
    ...patientScope(patient),
    prescriberId: prescriber.userId,
    effectiveDate: new Date(`${data.effectiveDate}T00:00:00Z`),
    reason: data.reason,
    monitorFor: data.monitorFor,
    reviewBy: data.reviewBy ? new Date(`${data.reviewBy}T00:00:00Z`) : null,
    patientExplanation: data.patientExplanation?.trim() || null,
    noteForCareTeam: data.noteForCareTeam?.trim() || null,
    createdAt: at,
  };
  const row =
    data.action === 'ENTERED_IN_ERROR'
      ? await markEnteredInError(tx, patient, base, data.correctsId!)
      : await appendStep(tx, patient, base, data);
  const change = toChange(row, prescriber);
  await notifyMedicationChange(tx, patient, prescriber.userId, change, at);
  const subject = {
    id: change.id,
    medication: change.medication,
    medicationKey: row.medicationKey,
  };
  await askForPlanReviewTx(tx, patient, prescriber.userId, subject, at);
  return change;
}

type Base = {
  organizationId: string;
  patientId: string;
  prescriberId: string;
  effectiveDate: Date;
  reason: string;
  monitorFor: string[];
  reviewBy: Date | null;
  patientExplanation: string | null;
  noteForCareTeam: string | null;
  createdAt: Date | undefined;
};

// Conflicts about the new dose belong next to the dose field; the rest to the medication.
const DOSE_MESSAGES = /higher dose|lower dose|the new dose/;

async function appendStep(tx: Tx, patient: PatientRef, base: Base, data: MedicationChangeData) {
  const action = data.action as Exclude<MedicationChangeData['action'], 'ENTERED_IN_ERROR'>;
  const key = medicationKey(data.medication!);
  const stateRow = await tx.medicationState.findFirst({
    where: { ...patientScope(patient), medicationKey: key },
    select: stateSelect,
  });
  const current = stateRow ? { ...stateRow, dose: doseToNumber(stateRow.dose) } : undefined;
  const dose = data.dose ?? null;
  const conflict = transitionConflict(current, action, dose);
  if (conflict) {
    throw new ConflictError(conflict, DOSE_MESSAGES.test(conflict) ? 'dose' : 'medication');
  }
  if (current && base.effectiveDate < current.since) {
    throw new ConflictError(
      `${current.medication} last changed on ${toIsoDate(current.since)}: a new change must take effect on or after that date.`,
      'effectiveDate',
    );
  }
  const carriesDose = DOSE_ACTIONS.has(action);
  const created = await tx.medicationChange.create({
    data: {
      ...base,
      action,
      medication: current && action !== 'START' ? current.medication : data.medication!.trim(),
      medicationKey: key,
      dose: carriesDose ? dose : null,
      unit: carriesDose ? (data.unit ?? current?.unit ?? null) : null,
      frequency: data.frequency ?? (carriesDose ? (current?.frequency ?? null) : null),
      route: data.route ?? (carriesDose ? (current?.route ?? null) : null),
      previousChangeId: await chainTail(tx, patient.id, key),
    },
    select: changeSelect,
  });
  await projectState(tx, patient, key, applyChange(current, created));
  return created;
}

async function markEnteredInError(tx: Tx, patient: PatientRef, base: Base, correctsId: string) {
  const scope = patientScope(patient);
  const target = await tx.medicationChange.findFirst({
    where: { ...scope, id: correctsId },
    select: {
      id: true,
      action: true,
      medication: true,
      medicationKey: true,
      correctedBy: { select: { id: true } },
    },
  });
  if (!target)
    throw InvalidInputError.field('correctsId', 'No change of this patient has that id.');
  if (target.action === 'ENTERED_IN_ERROR') {
    throw new ConflictError(
      'A correction cannot itself be marked as entered in error.',
      'correctsId',
    );
  }
  if (target.correctedBy) {
    throw new ConflictError('This change is already marked as entered in error.', 'correctsId');
  }
  const created = await tx.medicationChange.create({
    data: {
      ...base,
      action: 'ENTERED_IN_ERROR',
      medication: target.medication,
      medicationKey: target.medicationKey,
      correctsId: target.id,
      previousChangeId: await chainTail(tx, patient.id, target.medicationKey),
    },
    select: changeSelect,
  });
  await rebuildMedicationState(tx, patient, target.medicationKey);
  return created;
}

/**
 * Rebuilds one medication's MedicationState from its whole history (without the changes entered
 * in error): after a correction, or after a history is loaded in bulk (bench/regimen.ts).
 */
export async function rebuildMedicationState(tx: Tx, patient: PatientRef, key: string) {
  const history = await tx.medicationChange.findMany({
    where: { ...patientScope(patient), medicationKey: key },
    select: changeSelect,
  });
  const [state] = deriveRegimen(history);
  await projectState(tx, patient, key, state);
}

/** The newest recorded change of a medication (the end of its chain), which a new one follows. */
async function chainTail(tx: Tx, patientId: string, key: string): Promise<string | null> {
  const tail = await tx.medicationChange.findFirst({
    where: { patientId, medicationKey: key, nextChange: { is: null } },
    select: { id: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return tail?.id ?? null;
}

/** The projection: MedicationState holds `state`, or no row once every change was a mistake. */
async function projectState(
  tx: Tx,
  patient: PatientRef,
  key: string,
  state: MedicationStateValue | undefined,
) {
  const where = patientScope(patient);
  if (!state) {
    await tx.medicationState.deleteMany({ where: { ...where, medicationKey: key } });
    return;
  }
  const { medicationKey: _key, ...values } = state;
  await tx.medicationState.upsert({
    where: { patientId_medicationKey: { patientId: patient.id, medicationKey: key } },
    create: { ...values, ...where, medicationKey: key },
    update: values,
  });
}
