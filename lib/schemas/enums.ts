// The enums of Triad's schema (prisma/schema.prisma), said once as `as const` arrays: the zod
// schemas, lib/auth, lib/audit-vocabulary and client components import them from here, so the
// values are written in one place and client code never loads the generated Prisma client.
// tests/unit/enums.test.ts keeps each array equal to its Prisma enum. A type is
// `(typeof ARRAY)[number]`, or the zod schema's z.infer where one exists.

export const ROLES = ['PATIENT', 'PRESCRIBER', 'THERAPIST', 'ADMIN'] as const;

/** The roles that join care teams and write clinical records. */
export const CLINICIAN_ROLES = ['PRESCRIBER', 'THERAPIST'] as const;

export const MEDICATION_ACTIONS = [
  'START',
  'INCREASE',
  'DECREASE',
  'HOLD',
  'RESUME',
  'STOP',
  'ENTERED_IN_ERROR',
] as const;

export const MEDICATION_STATUSES = ['ACTIVE', 'HELD', 'STOPPED'] as const;

export const GOAL_STATUSES = ['ACTIVE', 'ACHIEVED', 'PAUSED', 'DISCONTINUED'] as const;

export const MEASURE_KINDS = ['NONE', 'PHQ9', 'GAD7', 'PERSONAL'] as const;

export const MEASURE_DIRECTIONS = ['AT_MOST', 'AT_LEAST'] as const;

export const INTERVENTION_KINDS = [
  'MEDICATION_MANAGEMENT',
  'CBT',
  'DBT',
  'ACT',
  'PSYCHOEDUCATION',
  'BEHAVIORAL_ACTIVATION',
  'EXPOSURE',
  'SKILLS_PRACTICE',
  'OTHER',
] as const;

export const REVIEW_REASONS = [
  'TOO_INTENSE',
  'TOO_COSTLY',
  'HARD_TO_KEEP_UP',
  'NOT_HELPING',
  'OTHER',
] as const;

export const SESSION_NOTE_KINDS = ['THERAPY', 'MEDICATION_MANAGEMENT'] as const;

export const SESSION_NOTE_FORMATS = ['DAP', 'SOAP'] as const;

export const SESSION_NOTE_STATUSES = ['DRAFT', 'SIGNED'] as const;

export const SEVERITIES = ['MILD', 'MODERATE', 'SEVERE'] as const;

/** The questionnaires: PHQ-9 and GAD-7. */
export const INSTRUMENTS = ['PHQ9', 'GAD7'] as const;

export const AUDIT_OUTCOMES = ['ALLOWED', 'DENIED', 'FAILED'] as const;

/** What raised a safety flag. */
export const SAFETY_FLAG_SOURCES = [
  'PHQ9_ITEM9',
  'PHQ9_TOTAL',
  'SEVERE_SIDE_EFFECT',
  'SUICIDALITY_SIDE_EFFECT',
  'CLINICIAN',
] as const;

export const SAFETY_FLAG_URGENCIES = ['URGENT', 'HIGH'] as const;

/** OPEN → ACKNOWLEDGED → RESOLVED. */
export const SAFETY_FLAG_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;

export const SAFETY_FLAG_OUTCOMES = [
  'CONTACTED_PATIENT',
  'SAFETY_PLAN_REVIEWED',
  'EMERGENCY_SERVICES',
  'NO_ACTION_NEEDED',
  'OTHER',
] as const;

export const CONTACT_METHODS = ['PHONE', 'TEXT', 'EMAIL'] as const;

export const NOTIFICATION_KINDS = [
  'SAFETY_FLAG_RAISED',
  'SAFETY_FLAG_ACKNOWLEDGED',
  'SAFETY_FLAG_RESOLVED',
  'PLAN_REVIEW_REQUESTED',
  'CARE_TEAM_MESSAGE',
  'MEDICATION_CHANGE',
  'PLAN_VERSION',
  'PLAN_COMMENT',
  'SEVERE_SIDE_EFFECT',
  'SCORE_WORSENED',
  'MISSED_CHECK_INS',
  'SESSION_NOTE_SIGNED',
  'PATIENT_MESSAGE',
  'APPOINTMENT_CHANGE_REQUESTED',
  'APPOINTMENT_UPDATED',
  'PLAN_MEDICATION_REVIEW',
] as const;

/** What an email is for (lib/mail/templates.ts words each, without PHI). */
export const EMAIL_PURPOSES = [
  'NOTIFICATION',
  'DIGEST',
  'ESCALATION',
  'CHECK_IN_REMINDER',
  'QUESTIONNAIRE_REMINDER',
  'PLAN_REMINDER',
  'APPOINTMENT_REMINDER',
] as const;

export const APPOINTMENT_KINDS = [
  'INTAKE',
  'MEDICATION_MANAGEMENT',
  'THERAPY',
  'FOLLOW_UP',
] as const;

export const APPOINTMENT_MODALITIES = ['IN_PERSON', 'VIDEO', 'PHONE'] as const;

/** SCHEDULED → CHECKED_IN → COMPLETED; SCHEDULED or CHECKED_IN → NO_SHOW or CANCELLED. */
export const APPOINTMENT_STATUSES = [
  'SCHEDULED',
  'CHECKED_IN',
  'COMPLETED',
  'NO_SHOW',
  'CANCELLED',
] as const;

/** What a patient may ask of an appointment. */
export const APPOINTMENT_REQUEST_KINDS = ['CANCEL', 'RESCHEDULE'] as const;

export type Role = (typeof ROLES)[number];
export type ClinicianRole = (typeof CLINICIAN_ROLES)[number];
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export type MedicationAction = (typeof MEDICATION_ACTIONS)[number];
export type MedicationStatus = (typeof MEDICATION_STATUSES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Instrument = (typeof INSTRUMENTS)[number];
export type SafetyFlagSource = (typeof SAFETY_FLAG_SOURCES)[number];
export type SafetyFlagUrgency = (typeof SAFETY_FLAG_URGENCIES)[number];
export type SafetyFlagStatus = (typeof SAFETY_FLAG_STATUSES)[number];
export type SafetyFlagOutcome = (typeof SAFETY_FLAG_OUTCOMES)[number];
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type EmailPurpose = (typeof EMAIL_PURPOSES)[number];
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export type AppointmentModality = (typeof APPOINTMENT_MODALITIES)[number];
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export type AppointmentRequestKind = (typeof APPOINTMENT_REQUEST_KINDS)[number];
