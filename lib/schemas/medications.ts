// Medications: the regimen, the append-only change history and the record-a-change input,
// shared by the form, the route handlers and the OpenAPI document.
import { z } from 'zod';
import { MEDICATION_ACTIONS, MEDICATION_STATUSES } from '@/lib/schemas/enums';

export { MEDICATION_ACTIONS } from '@/lib/schemas/enums';
import {
  freeText,
  Id,
  IsoDate,
  IsoDateTime,
  Page,
  singleLine,
  pagingFields,
} from '@/lib/schemas/common';
import { daysBetween, toIsoDate } from '@/lib/calendar-date';

export const MedicationAction = z.enum(MEDICATION_ACTIONS);
export type MedicationAction = z.infer<typeof MedicationAction>;

export const MedicationStatus = z.enum(MEDICATION_STATUSES);
export type MedicationStatus = z.infer<typeof MedicationStatus>;

/** How far back and ahead an effective date may be. */
export const EFFECTIVE_DAYS_BACK = 365;
export const EFFECTIVE_DAYS_AHEAD = 90;

/** Why an effective date is refused (too far back or ahead), or null when it is accepted. */
export function effectiveDateProblem(iso: string, now: Date = new Date()): string | null {
  const days = daysBetween(toIsoDate(now), iso);
  if (days < -EFFECTIVE_DAYS_BACK) return 'The effective date cannot be more than a year ago.';
  if (days > EFFECTIVE_DAYS_AHEAD) {
    return 'The effective date cannot be more than 90 days ahead.';
  }
  return null;
}

const Dose = z
  .number({ message: 'Enter the dose as a number.' })
  .positive({ message: 'The dose must be more than 0.' })
  .max(100_000, { message: 'That dose is too large.' })
  .refine((n) => Math.abs(n * 1000 - Math.round(n * 1000)) < 1e-6, {
    message: 'Use at most three decimal places.',
  });

const optionalLine = (max: number) => singleLine(max).nullable().optional();
const optionalText = (max: number) => freeText(max).nullable().optional();

/** Actions that carry a dose. */
export const DOSE_ACTIONS = new Set<MedicationAction>(['START', 'INCREASE', 'DECREASE']);

/**
 * POST /api/v1/patients/{patientId}/medication-changes body. Fields that do not fit the action
 * (a dose on STOP) are ignored; those it needs are required. ENTERED_IN_ERROR names the change it
 * corrects in `correctsId` and takes that change's medication.
 */
export const MedicationChangeInput = z
  .strictObject({
    action: MedicationAction,
    medication: singleLine(200).optional(),
    dose: Dose.nullable().optional(),
    unit: optionalLine(40),
    frequency: optionalLine(100),
    route: optionalLine(60),
    effectiveDate: IsoDate.meta({
      description: 'YYYY-MM-DD; at most a year ago and at most 90 days ahead.',
    }),
    reason: freeText(2000)
      .transform((s) => s.trim())
      .pipe(z.string().min(1, { message: 'Give the reason for this change.' })),
    monitorFor: z.array(singleLine(100)).max(20, { message: 'At most 20 items.' }).default([]),
    reviewBy: IsoDate.nullable().optional(),
    patientExplanation: optionalText(2000).meta({
      description: 'Plain language, shown to the patient.',
    }),
    noteForCareTeam: optionalText(4000).meta({
      description: 'For the clinicians on the care team; never shown to the patient.',
    }),
    correctsId: Id.optional(),
  })
  .superRefine((input, ctx) => {
    const need = (path: keyof typeof input, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (input.action === 'ENTERED_IN_ERROR') {
      if (!input.correctsId) need('correctsId', 'Choose the change that was entered in error.');
    } else if (!input.medication) {
      need('medication', 'Choose a medication.');
    }
    if (DOSE_ACTIONS.has(input.action) && (input.dose === null || input.dose === undefined)) {
      need('dose', input.action === 'START' ? 'Enter the starting dose.' : 'Enter the new dose.');
    }
    if (input.action === 'START' && !input.unit) need('unit', 'Enter the unit, such as mg.');
    const dateProblem = effectiveDateProblem(input.effectiveDate);
    if (dateProblem) need('effectiveDate', dateProblem);
    if (input.reviewBy && input.reviewBy < input.effectiveDate) {
      need('reviewBy', 'The review date cannot be before the effective date.');
    }
  });
export type MedicationChangeInput = z.input<typeof MedicationChangeInput>;
export type MedicationChangeData = z.output<typeof MedicationChangeInput>;

/** One medication of the current regimen (stopped ones included, with their last dose). */
export const RegimenItem = z.object({
  medicationKey: z.string(),
  medication: z.string(),
  status: MedicationStatus,
  dose: z.number().nullable(),
  unit: z.string().nullable(),
  frequency: z.string().nullable(),
  route: z.string().nullable(),
  since: IsoDate,
  lastChangeId: Id,
});
export type RegimenItem = z.infer<typeof RegimenItem>;

export const Regimen = z.object({ items: z.array(RegimenItem) });
export type Regimen = z.infer<typeof Regimen>;

/** One entry of the history. */
export const MedicationChange = z.object({
  id: Id,
  action: MedicationAction,
  medication: z.string(),
  dose: z.number().nullable(),
  unit: z.string().nullable(),
  frequency: z.string().nullable(),
  route: z.string().nullable(),
  effectiveDate: IsoDate,
  reason: z.string(),
  monitorFor: z.array(z.string()),
  reviewBy: IsoDate.nullable(),
  patientExplanation: z.string().nullable(),
  noteForCareTeam: z.string().nullable().optional().meta({
    description: 'For the care team only: absent from every answer to a patient.',
  }),
  prescriber: z.object({ id: Id, name: z.string() }),
  previousChangeId: Id.nullable(),
  /** For ENTERED_IN_ERROR: the change it marks as a mistake. */
  correctsId: Id.nullable(),
  /** The ENTERED_IN_ERROR entry that marks this change as a mistake, if any. */
  correctedById: Id.nullable(),
  createdAt: IsoDateTime,
});
export type MedicationChange = z.infer<typeof MedicationChange>;

export const MedicationChangePage = Page(MedicationChange);
export type MedicationChangePage = z.infer<typeof MedicationChangePage>;

/** GET /api/v1/patients/{patientId}/medication-changes query. */
export const MedicationChangeQuery = z.strictObject({
  since: IsoDate.optional().meta({ description: 'Only changes effective on or after this date.' }),
  ...pagingFields,
});
export type MedicationChangeQuery = z.infer<typeof MedicationChangeQuery>;
