// The medication history, written through the app's own transaction-level write
// (recordMedicationChangeTx): the chain, the checks and the regimen projection are the API's.
import type { MedicationChange } from '@/prisma/generated/client';
import type { MedicationAction } from '@/lib/clinical/regimen';
import { toIsoDate } from '@/lib/calendar-date';
import { recordMedicationChangeTx } from '@/lib/data/medications/record-change';
import { DOSE_ACTIONS } from '@/lib/schemas/medications';
import type { FactoryDb, PatientRef, UserRef } from './accounts';
import { dateOnly, nextStamp } from './dates';

export type MedicationChangeSpec = {
  action: MedicationAction;
  /** Required except for ENTERED_IN_ERROR, which takes the corrected change's medication. */
  medication?: string;
  dose?: number | null;
  /** Default on a START, INCREASE or DECREASE: mg, once daily, oral. */
  unit?: string | null;
  frequency?: string | null;
  route?: string | null;
  effectiveDate?: Date;
  reason?: string;
  monitorFor?: string[];
  reviewBy?: Date | null;
  patientExplanation?: string | null;
  noteForCareTeam?: string | null;
  /** For ENTERED_IN_ERROR: the id of the change marked as a mistake. */
  correctsId?: string;
  createdAt?: Date;
};

const DEFAULT_REASONS: Record<MedicationAction, string> = {
  START: 'Starting treatment for depressive symptoms.',
  INCREASE: 'Partial response at the current dose; tolerating well.',
  DECREASE: 'Side effects outweigh the benefit at the current dose.',
  HOLD: 'Holding during an acute illness.',
  RESUME: 'Illness resolved; resuming at the previous dose.',
  STOP: 'No longer needed.',
  ENTERED_IN_ERROR: 'Recorded by mistake.',
};

function withDefault<T>(value: T | undefined, fallback: T | null): T | null {
  return value !== undefined ? value : fallback;
}

/**
 * Records medication changes in the order given, as a prescriber would through the API (without
 * the audit of a person's access): each is linked to the previous change of its medication and
 * MedicationState follows. Throws the API's ConflictError on a change the regimen does not
 * allow (e.g. starting an active medication). Returns the stored rows.
 */
export async function recordMedicationChanges(
  db: FactoryDb,
  patient: PatientRef,
  prescriber: UserRef,
  changes: MedicationChangeSpec[],
): Promise<MedicationChange[]> {
  const ids: string[] = [];
  for (const spec of changes) {
    if (!spec.medication && spec.action !== 'ENTERED_IN_ERROR') {
      throw new Error(`A ${spec.action} change needs a medication.`);
    }
    if (spec.action === 'ENTERED_IN_ERROR' && !spec.correctsId) {
      throw new Error(
        'ENTERED_IN_ERROR needs correctsId naming an earlier change of this patient.',
      );
    }
    const dosed = DOSE_ACTIONS.has(spec.action);
    const dose = spec.dose ?? null;
    const change = await recordMedicationChangeTx(
      db,
      { userId: prescriber.id, role: prescriber.role ?? 'PRESCRIBER' },
      patient,
      {
        action: spec.action,
        medication: spec.medication,
        dose,
        unit: withDefault(spec.unit, dosed && dose !== null ? 'mg' : null),
        frequency: withDefault(spec.frequency, dosed ? 'once daily' : null),
        route: withDefault(spec.route, dosed ? 'oral' : null),
        effectiveDate: toIsoDate(spec.effectiveDate ?? dateOnly()),
        reason: spec.reason ?? DEFAULT_REASONS[spec.action],
        monitorFor: spec.monitorFor ?? [],
        reviewBy: spec.reviewBy ? toIsoDate(spec.reviewBy) : null,
        patientExplanation: spec.patientExplanation ?? null,
        noteForCareTeam: spec.noteForCareTeam ?? null,
        correctsId: spec.correctsId,
      },
      spec.createdAt ?? nextStamp(),
    );
    ids.push(change.id);
  }
  const rows = await db.medicationChange.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}
