// The medication-change form's values and their conversions: to the API's body, and the choices
// an action offers.
import { toIsoDate } from '@/lib/format';
import type { MedicationAction, RegimenItem } from '@/lib/schemas/medications';

export type FormValues = {
  action: MedicationAction | '';
  medication: string;
  dose: string;
  unit: string;
  frequency: string;
  route: string;
  effectiveDate: string;
  reason: string;
  monitorFor: string;
  reviewBy: string;
  patientExplanation: string;
  noteForCareTeam: string;
  correctsId: string;
};

export function emptyForm(): FormValues {
  return {
    action: '',
    medication: '',
    dose: '',
    unit: 'mg',
    frequency: '',
    route: 'oral',
    effectiveDate: toIsoDate(new Date()),
    reason: '',
    monitorFor: '',
    reviewBy: '',
    patientExplanation: '',
    noteForCareTeam: '',
    correctsId: '',
  };
}

/** The items of a comma-separated list, trimmed, without empties or repeats. */
function listOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

const optional = (value: string) => (value.trim() ? value : undefined);

/** The form as the API's body: only the fields that fit the chosen action. */
export function toInput(values: FormValues) {
  const action = values.action || undefined;
  const isStart = action === 'START';
  const carriesDose = isStart || action === 'INCREASE' || action === 'DECREASE';
  const dose = values.dose.trim() === '' ? undefined : Number(values.dose);
  return {
    action,
    ...(action !== 'ENTERED_IN_ERROR' ? { medication: optional(values.medication) } : {}),
    ...(carriesDose ? { dose } : {}),
    ...(isStart
      ? {
          unit: optional(values.unit),
          frequency: optional(values.frequency),
          route: optional(values.route),
        }
      : {}),
    ...(action === 'INCREASE' || action === 'DECREASE'
      ? { frequency: optional(values.frequency) }
      : {}),
    effectiveDate: values.effectiveDate,
    reason: values.reason,
    monitorFor: listOf(values.monitorFor),
    reviewBy: optional(values.reviewBy),
    patientExplanation: optional(values.patientExplanation),
    noteForCareTeam: optional(values.noteForCareTeam),
    ...(action === 'ENTERED_IN_ERROR' ? { correctsId: optional(values.correctsId) } : {}),
  };
}

/** Which medications an action applies to. */
export function candidates(action: MedicationAction | '', regimen: RegimenItem[]): RegimenItem[] {
  switch (action) {
    case 'INCREASE':
    case 'DECREASE':
    case 'HOLD':
      return regimen.filter((m) => m.status === 'ACTIVE');
    case 'RESUME':
      return regimen.filter((m) => m.status === 'HELD');
    case 'STOP':
      return regimen.filter((m) => m.status !== 'STOPPED');
    default:
      return [];
  }
}

/** Whether an action carries a dose (a start, an increase or a decrease). */
export function carriesDose(action: MedicationAction | ''): boolean {
  return action === 'START' || action === 'INCREASE' || action === 'DECREASE';
}
