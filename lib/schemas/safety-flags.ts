// Safety flags: a signal that needs a person (docs/decisions/019-safety-flags.md). The care team
// reads the whole flag with its source; the patient reads only whether their team has seen it.
import { z } from 'zod';
import {
  CLINICIAN_ROLES,
  INSTRUMENTS,
  SAFETY_FLAG_OUTCOMES,
  SAFETY_FLAG_SOURCES,
  SAFETY_FLAG_STATUSES,
  SAFETY_FLAG_URGENCIES,
  SEVERITIES,
} from '@/lib/schemas/enums';
import { freeText, Id, IsoDate, IsoDateTime, pagingFields, Person } from '@/lib/schemas/common';
import { PatientParams } from '@/lib/schemas/patients';
import { OUTCOME_LABELS } from '@/lib/schemas/safety-flags-values';
export { OUTCOME_LABELS };

export const SafetyFlagUrgency = z.enum(SAFETY_FLAG_URGENCIES);
export const SafetyFlagOutcome = z.enum(SAFETY_FLAG_OUTCOMES, { error: 'Choose what was done.' });
export type SafetyFlagOutcome = z.infer<typeof SafetyFlagOutcome>;

/** The most a reason or a resolution note may hold. */
export const SAFETY_FLAG_TEXT_MAX = 1000;

/** Text a clinician must write: trimmed, not blank, at most SAFETY_FLAG_TEXT_MAX characters. */
const requiredText = (message: string) =>
  freeText(SAFETY_FLAG_TEXT_MAX)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { message });

/** POST /safety-flags: a clinician raises a flag by hand, with its urgency and why. */
export const RaiseSafetyFlagInput = z.strictObject({
  urgency: SafetyFlagUrgency,
  reason: requiredText('Say why you are raising this flag.'),
});
export type RaiseSafetyFlagInput = z.infer<typeof RaiseSafetyFlagInput>;

/** POST /safety-flags/{flagId}/resolve: what was done, and a note (required). */
export const ResolveSafetyFlagInput = z.strictObject({
  outcome: SafetyFlagOutcome,
  note: requiredText('Write a note about what was done.'),
});
export type ResolveSafetyFlagInput = z.infer<typeof ResolveSafetyFlagInput>;

/** Which flags a list holds: open (OPEN or ACKNOWLEDGED, the default), resolved, or all. */
export const SAFETY_FLAG_FILTERS = ['open', 'resolved', 'all'] as const;
export type SafetyFlagFilter = (typeof SAFETY_FLAG_FILTERS)[number];

/** GET /safety-flags: newest raised first, a page at a time. */
export const SafetyFlagListQuery = z.strictObject({
  status: z.enum(SAFETY_FLAG_FILTERS).default('open'),
  ...pagingFields,
});

export const SafetyFlagParams = PatientParams.extend({ flagId: Id });

const Clinician = Person(CLINICIAN_ROLES);

/** The questionnaire that raised a flag, with its answers item by item. */
export const SafetyFlagAssessment = z.object({
  id: Id,
  instrument: z.enum(INSTRUMENTS),
  answers: z.array(z.number().int()),
  score: z.number().int(),
  completedAt: IsoDateTime,
});

/** The check-in that raised a flag, with its side effects. */
export const SafetyFlagCheckIn = z.object({
  id: Id,
  localDate: IsoDate,
  sideEffects: z.array(z.object({ name: z.string(), severity: z.enum(SEVERITIES) })),
});

/** A flag as the care team reads it: the whole lifecycle and the source it links to. */
export const SafetyFlag = z.object({
  id: Id,
  patientId: Id,
  source: z.enum(SAFETY_FLAG_SOURCES),
  urgency: SafetyFlagUrgency,
  status: z.enum(SAFETY_FLAG_STATUSES),
  reason: z.string(),
  raisedAt: IsoDateTime,
  /** The clinician who raised it by hand (source CLINICIAN), else null. */
  raisedBy: Clinician.nullable(),
  acknowledgedAt: IsoDateTime.nullable(),
  acknowledgedBy: Clinician.nullable(),
  resolvedAt: IsoDateTime.nullable(),
  resolvedBy: Clinician.nullable(),
  outcome: SafetyFlagOutcome.nullable(),
  resolutionNote: z.string().nullable(),
  assessment: SafetyFlagAssessment.nullable(),
  checkIn: SafetyFlagCheckIn.nullable(),
});
export type SafetyFlag = z.infer<typeof SafetyFlag>;

/** What the patient may know of a flag: WAITING until someone on the team has seen it, then SEEN. */
export const PATIENT_FLAG_STATUSES = ['WAITING', 'SEEN'] as const;
export type PatientFlagStatus = (typeof PATIENT_FLAG_STATUSES)[number];

/** A flag as its patient reads it: never the reason, who acted, the outcome or the note. */
export const PatientSafetyFlagStatus = z.strictObject({
  id: Id,
  raisedAt: IsoDateTime,
  status: z.enum(PATIENT_FLAG_STATUSES),
});
export type PatientSafetyFlagStatus = z.infer<typeof PatientSafetyFlagStatus>;

export const SafetyFlagPage = z.object({
  items: z.array(SafetyFlag),
  nextCursor: z.string().nullable(),
});
export type SafetyFlagPage = z.infer<typeof SafetyFlagPage>;

export const PatientSafetyFlagStatusPage = z.strictObject({
  items: z.array(PatientSafetyFlagStatus),
  nextCursor: z.string().nullable(),
});
export type PatientSafetyFlagStatusPage = z.infer<typeof PatientSafetyFlagStatusPage>;

/** The list as each reader gets it: clinicians the flags, the patient their statuses. */
export const SafetyFlagListAnswer = z.union([SafetyFlagPage, PatientSafetyFlagStatusPage]);
export type SafetyFlagListAnswer = z.infer<typeof SafetyFlagListAnswer>;

/** The care team's flags of a list answer (a clinician's answer holds nothing else). */
export function teamFlags(answer: SafetyFlagListAnswer): SafetyFlag[] {
  return answer.items.filter((item): item is SafetyFlag => 'source' in item);
}
