import { describe, expect, it } from 'vitest';
import * as prisma from '@/prisma/generated/enums';
import * as enums from '@/lib/schemas/enums';

// lib/schemas/enums.ts says each enum of prisma/schema.prisma once, for code that must not load
// the generated client (client components); these must stay equal to the database's.
describe('lib/schemas/enums.ts', () => {
  it.each([
    ['ROLES', enums.ROLES, prisma.Role],
    ['MEDICATION_ACTIONS', enums.MEDICATION_ACTIONS, prisma.MedicationAction],
    ['MEDICATION_STATUSES', enums.MEDICATION_STATUSES, prisma.MedicationStatus],
    ['GOAL_STATUSES', enums.GOAL_STATUSES, prisma.GoalStatus],
    ['MEASURE_KINDS', enums.MEASURE_KINDS, prisma.MeasureKind],
    ['MEASURE_DIRECTIONS', enums.MEASURE_DIRECTIONS, prisma.MeasureDirection],
    ['INTERVENTION_KINDS', enums.INTERVENTION_KINDS, prisma.InterventionKind],
    ['REVIEW_REASONS', enums.REVIEW_REASONS, prisma.PlanReviewReason],
    ['SESSION_NOTE_KINDS', enums.SESSION_NOTE_KINDS, prisma.SessionNoteKind],
    ['SESSION_NOTE_FORMATS', enums.SESSION_NOTE_FORMATS, prisma.SessionNoteFormat],
    ['SESSION_NOTE_STATUSES', enums.SESSION_NOTE_STATUSES, prisma.SessionNoteStatus],
    ['SEVERITIES', enums.SEVERITIES, prisma.Severity],
    ['INSTRUMENTS', enums.INSTRUMENTS, prisma.Instrument],
    ['AUDIT_OUTCOMES', enums.AUDIT_OUTCOMES, prisma.AuditOutcome],
    ['SAFETY_FLAG_SOURCES', enums.SAFETY_FLAG_SOURCES, prisma.SafetyFlagSource],
    ['SAFETY_FLAG_URGENCIES', enums.SAFETY_FLAG_URGENCIES, prisma.SafetyFlagUrgency],
    ['SAFETY_FLAG_STATUSES', enums.SAFETY_FLAG_STATUSES, prisma.SafetyFlagStatus],
    ['SAFETY_FLAG_OUTCOMES', enums.SAFETY_FLAG_OUTCOMES, prisma.SafetyFlagOutcome],
    ['CONTACT_METHODS', enums.CONTACT_METHODS, prisma.ContactMethod],
    ['NOTIFICATION_KINDS', enums.NOTIFICATION_KINDS, prisma.NotificationKind],
    ['EMAIL_PURPOSES', enums.EMAIL_PURPOSES, prisma.EmailPurpose],
    ['APPOINTMENT_KINDS', enums.APPOINTMENT_KINDS, prisma.AppointmentKind],
    ['APPOINTMENT_MODALITIES', enums.APPOINTMENT_MODALITIES, prisma.AppointmentModality],
    ['APPOINTMENT_STATUSES', enums.APPOINTMENT_STATUSES, prisma.AppointmentStatus],
    ['APPOINTMENT_REQUEST_KINDS', enums.APPOINTMENT_REQUEST_KINDS, prisma.AppointmentRequestKind],
  ] as const)('%s equals the Prisma enum, in its order', (_name, values, prismaEnum) => {
    expect([...values]).toEqual(Object.values(prismaEnum));
  });

  it('covers every enum of the schema', () => {
    const covered = [
      'Role',
      'MedicationAction',
      'MedicationStatus',
      'GoalStatus',
      'MeasureKind',
      'MeasureDirection',
      'InterventionKind',
      'PlanReviewReason',
      'SessionNoteKind',
      'SessionNoteFormat',
      'SessionNoteStatus',
      'Severity',
      'Instrument',
      'AuditOutcome',
      'SafetyFlagSource',
      'SafetyFlagUrgency',
      'SafetyFlagStatus',
      'SafetyFlagOutcome',
      'ContactMethod',
      'NotificationKind',
      'EmailPurpose',
      'AppointmentKind',
      'AppointmentModality',
      'AppointmentStatus',
      'AppointmentRequestKind',
    ];
    expect(Object.keys(prisma).sort()).toEqual(covered.sort());
  });

  it('CLINICIAN_ROLES are roles', () => {
    for (const role of enums.CLINICIAN_ROLES) expect(enums.ROLES).toContain(role);
  });
});
