// The plain values of lib/schemas/appointments.ts (limits, lists, words), without zod, so that client
// components use them without putting zod on a page's first load (issue 15).

import type { AppointmentKind, AppointmentModality, AppointmentStatus } from '@/lib/schemas/enums';

/** Words for each kind, modality and status, for every page that shows them. */
export const APPOINTMENT_KIND_WORDS: Record<AppointmentKind, string> = {
  INTAKE: 'Intake',
  MEDICATION_MANAGEMENT: 'Medication management',
  THERAPY: 'Therapy',
  FOLLOW_UP: 'Follow-up',
};

export const APPOINTMENT_MODALITY_WORDS: Record<AppointmentModality, string> = {
  IN_PERSON: 'In person',
  VIDEO: 'Video',
  PHONE: 'Phone',
};

export const APPOINTMENT_STATUS_WORDS: Record<AppointmentStatus, string> = {
  SCHEDULED: 'Scheduled',
  CHECKED_IN: 'Checked in',
  COMPLETED: 'Completed',
  NO_SHOW: 'No-show',
  CANCELLED: 'Cancelled',
};

/** The most occurrences one series makes (a year of weekly visits). */
export const MAX_OCCURRENCES = 52;
