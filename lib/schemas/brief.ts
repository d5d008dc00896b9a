// The before-session brief: what changed for a patient since a moment, for clinicians.
import { z } from 'zod';
import {
  CLINICIAN_ROLES,
  INSTRUMENTS,
  MEDICATION_ACTIONS,
  SAFETY_FLAG_URGENCIES,
  SEVERITIES,
} from '@/lib/schemas/enums';
import { Id, IsoDate, IsoDateTime, Person } from '@/lib/schemas/common';

/** GET /api/v1/patients/{patientId}/brief query: `since` an ISO instant (or `YYYY-MM-DD`). */
export const BriefQuery = z.strictObject({
  since: z
    .union([IsoDateTime, IsoDate])
    .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'Not a valid date.' })
    .optional()
    .meta({
      description:
        'Start of the period (ISO 8601). Default: the viewer’s last signed note for this patient, else 30 days ago.',
    }),
});
export type BriefQuery = z.infer<typeof BriefQuery>;

/** Where the period starts: given, the viewer's last signed note, or the 30-day fallback. */
export const BriefSinceSource = z.enum([
  'QUERY',
  'LAST_COMPLETED_APPOINTMENT',
  'LAST_SIGNED_NOTE',
  'DEFAULT_30_DAYS',
]);

export const BriefMedicationChange = z.object({
  id: Id,
  action: z.enum(MEDICATION_ACTIONS),
  medication: z.string(),
  dose: z.number().nullable(),
  unit: z.string().nullable(),
  frequency: z.string().nullable(),
  effectiveDate: IsoDate,
  reason: z.string(),
  monitorFor: z.array(z.string()),
  noteForCareTeam: z.string().nullable(),
  prescriber: z.object({ id: Id, name: z.string() }),
  createdAt: IsoDateTime,
});
export type BriefMedicationChange = z.infer<typeof BriefMedicationChange>;

export const BriefSideEffect = z.object({
  name: z.string(),
  reports: z.number().int(),
  worst: z.enum(SEVERITIES),
  /** Oldest first; at most the last 20 reports in the period. */
  series: z.array(z.object({ date: IsoDate, severity: z.enum(SEVERITIES) })),
});
export type BriefSideEffect = z.infer<typeof BriefSideEffect>;

const Averages = z.object({
  mood: z.number().nullable(),
  sleepHours: z.number().nullable(),
  sleepQuality: z.number().nullable(),
  energy: z.number().nullable(),
  focus: z.number().nullable(),
  appetite: z.number().nullable(),
});
export type BriefAverages = z.infer<typeof Averages>;

export const BriefCheckIns = z.object({
  /** Calendar days in the period (the since date to today, both included). */
  days: z.number().int(),
  count: z.number().int(),
  /** Days of the period without a check-in. */
  missedDays: z.number().int(),
  lastCheckIn: IsoDate.nullable(),
  averages: Averages,
  /** The equally long period just before. */
  previous: z.object({ count: z.number().int(), averages: Averages }),
});
export type BriefCheckIns = z.infer<typeof BriefCheckIns>;

const Score = z.object({
  score: z.number().int(),
  severity: z.string(),
  completedAt: IsoDateTime,
});
export type BriefScore = z.infer<typeof Score>;

export const BriefAssessment = z.object({
  instrument: z.enum(INSTRUMENTS),
  latest: Score.nullable(),
  previous: Score.nullable(),
  baseline: Score.nullable(),
  /** latest − previous, latest − baseline; null when either is missing. */
  changeFromPrevious: z.number().int().nullable(),
  changeFromBaseline: z.number().int().nullable(),
  /** Whether the latest was completed within the period. */
  newInPeriod: z.boolean(),
});
export type BriefAssessment = z.infer<typeof BriefAssessment>;

export const BriefPlanChange = z.object({
  version: z.number().int(),
  changeSummary: z.string().nullable(),
  author: z.object({ id: Id, name: z.string() }),
  createdAt: IsoDateTime,
});
export type BriefPlanChange = z.infer<typeof BriefPlanChange>;

export const BriefMessage = z.object({
  id: Id,
  body: z.string(),
  author: Person(CLINICIAN_ROLES),
  createdAt: IsoDateTime,
});

export const BriefSafetyFlag = z.object({
  id: Id,
  reason: z.string(),
  urgency: z.enum(SAFETY_FLAG_URGENCIES),
  /** OPEN until someone on the team acknowledges it; the brief lists no resolved flag. */
  status: z.enum(['OPEN', 'ACKNOWLEDGED']),
  raisedAt: IsoDateTime,
});

/** GET /api/v1/patients/{patientId}/brief. Never holds psychotherapy notes. */
export const Brief = z.object({
  patientId: Id,
  since: IsoDateTime,
  sinceSource: BriefSinceSource,
  until: IsoDateTime,
  medicationChanges: z.array(BriefMedicationChange),
  /** The newest change recorded before the period, so the current context is never blank. */
  lastChangeBefore: BriefMedicationChange.nullable(),
  sideEffects: z.array(BriefSideEffect),
  checkIns: BriefCheckIns,
  assessments: z.array(BriefAssessment),
  planChanges: z.array(BriefPlanChange),
  messages: z.array(BriefMessage),
  /** Safety flags not yet resolved, whenever raised. */
  openSafetyFlags: z.array(BriefSafetyFlag),
});
export type Brief = z.infer<typeof Brief>;
