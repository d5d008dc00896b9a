import type { MedicationState } from '@/prisma/generated/client';
import { daysFromToday, type MedicationChangeSpec } from '@/tests/factories';

/**
 * The tests' usual medication story: Sertraline started at 50 mg 60 days ago, then raised to
 * 100 mg `raisedDay` days from today (with `increase`'s extra fields, e.g. a patient explanation).
 */
export function sertralineRaised(
  raisedDay: number,
  increase: Partial<MedicationChangeSpec> = {},
): MedicationChangeSpec[] {
  return [
    { action: 'START', medication: 'Sertraline', dose: 50, effectiveDate: daysFromToday(-60) },
    {
      action: 'INCREASE',
      medication: 'Sertraline',
      dose: 100,
      effectiveDate: daysFromToday(raisedDay),
      ...increase,
    },
  ];
}

/** A stored MedicationState row in the shape deriveRegimen gives, to compare the two. */
export function asRegimenEntry(s: MedicationState) {
  return {
    medicationKey: s.medicationKey,
    medication: s.medication,
    status: s.status,
    dose: s.dose === null ? null : s.dose.toNumber(),
    unit: s.unit,
    frequency: s.frequency,
    route: s.route,
    since: s.since,
    lastChangeId: s.lastChangeId,
  };
}
