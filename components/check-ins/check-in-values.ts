// The check-in form's values and their conversions: from a saved check-in, to the API's body, and
// the way back from a body's error path to the field that shows it.
import { format } from 'date-fns';
import type { ScaleOption } from '@/components/check-ins/scale-group';
import type { z } from 'zod';
import type { CheckIn, Severity } from '@/lib/schemas/check-ins';
import { SEVERITIES } from '@/lib/schemas/enums';

/** A measure of the plan the patient reports on (the check-in page builds them from the plan). */
export type CheckInMeasureOption = {
  goalKey: string;
  name: string | null;
  unit: string | null;
  description: string;
};

export type CheckInValues = {
  mood: string;
  sleepHours: string;
  sleepQuality: string;
  appetite: string;
  energy: string;
  focus: string;
  sideEffects: { name: string; severity: Severity }[];
  measures: { goalKey: string; value: string }[];
  note: string;
};

export const MOOD: ScaleOption[] = Array.from({ length: 11 }, (_, value) => ({
  value,
  label: String(value),
  hint: value === 0 ? 'Worst' : value === 10 ? 'Best' : undefined,
}));

export function fivePoint(low: string, high: string): ScaleOption[] {
  return [1, 2, 3, 4, 5].map((value) => ({
    value,
    label: String(value),
    hint: value === 1 ? low : value === 5 ? high : undefined,
  }));
}

export const SEVERITY_OPTIONS: ScaleOption[] = SEVERITIES.map((s) => ({
  value: s,
  label: s === 'MILD' ? 'Mild' : s === 'MODERATE' ? 'Moderate' : 'Severe',
}));

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

export function initialValues(
  existing: CheckIn | null,
  measures: CheckInMeasureOption[],
): CheckInValues {
  const text = (value: number | null | undefined) => (value == null ? '' : String(value));
  return {
    mood: text(existing?.mood),
    sleepHours: text(existing?.sleepHours),
    sleepQuality: text(existing?.sleepQuality),
    appetite: text(existing?.appetite),
    energy: text(existing?.energy),
    focus: text(existing?.focus),
    sideEffects: existing?.sideEffects.map((s) => ({ name: s.name, severity: s.severity })) ?? [],
    measures: measures.map((m) => ({
      goalKey: m.goalKey,
      value: text(existing?.measures.find((v) => v.goalKey === m.goalKey)?.value),
    })),
    note: existing?.note ?? '',
  };
}

/** The indices, in the form, of the measures the patient filled in (the body sends only those). */
function filledMeasures(values: CheckInValues): number[] {
  return values.measures.flatMap((m, index) => (m.value.trim() === '' ? [] : [index]));
}

/** The body: today in the patient's own calendar, empty answers as null, filled measures only. */
export function toInput(values: CheckInValues) {
  return {
    localDate: format(new Date(), 'yyyy-MM-dd'),
    mood: numberOrNull(values.mood) ?? undefined,
    sleepHours: numberOrNull(values.sleepHours),
    sleepQuality: numberOrNull(values.sleepQuality),
    appetite: numberOrNull(values.appetite),
    energy: numberOrNull(values.energy),
    focus: numberOrNull(values.focus),
    sideEffects: values.sideEffects,
    measures: filledMeasures(values).map((index) => ({
      goalKey: values.measures[index]!.goalKey,
      value: Number(values.measures[index]!.value),
    })),
    note: values.note.trim() === '' ? null : values.note,
  };
}

/** `measures.1.value` of the body is the form's second filled measure, wherever it is. */
export function fieldOf(path: string, values: CheckInValues): string {
  const [head, index] = path.split('.');
  if (head !== 'measures' || index === undefined) return path;
  const inForm = filledMeasures(values)[Number(index)];
  return inForm === undefined ? path : `measures.${inForm}.value`;
}

/** A missing mood is a question not answered yet, said so. */
export const checkInWords: z.core.$ZodErrorMap = (issue) =>
  issue.path?.[0] === 'mood' && issue.input === undefined
    ? 'Choose a number from 0 to 10 for your mood.'
    : undefined;
