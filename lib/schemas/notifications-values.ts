// The plain values of lib/schemas/notifications.ts (limits, lists, words), without zod, so that client
// components use them without putting zod on a page's first load (issue 15).

import type { NotificationKind } from '@/lib/schemas/enums';

/** What each kind is, in words a person choosing their preferences reads. */
export const NOTIFICATION_KIND_WORDS: Record<NotificationKind, string> = {
  SAFETY_FLAG_RAISED: 'A safety flag is raised',
  SAFETY_FLAG_ACKNOWLEDGED: 'Someone acknowledges a safety flag',
  SAFETY_FLAG_RESOLVED: 'Someone resolves a safety flag',
  PLAN_REVIEW_REQUESTED: 'A patient asks for a plan review',
  CARE_TEAM_MESSAGE: 'A care-team message',
  MEDICATION_CHANGE: 'A medication change',
  PLAN_VERSION: 'A new treatment plan version',
  PLAN_COMMENT: 'A comment on a treatment plan',
  SEVERE_SIDE_EFFECT: 'A severe side effect is reported',
  SCORE_WORSENED: 'A PHQ-9 or GAD-7 worsens by 5 points or more',
  MISSED_CHECK_INS: 'A patient misses 3 days of check-ins',
  SESSION_NOTE_SIGNED: 'A session note is signed',
  PATIENT_MESSAGE: 'A patient writes to their care team',
  APPOINTMENT_CHANGE_REQUESTED: 'A patient asks to cancel or move an appointment',
  APPOINTMENT_UPDATED: 'An appointment is booked, moved or cancelled',
  PLAN_MEDICATION_REVIEW: 'A medication the treatment plan names changes',
};

/** The same, said to a patient about their own care. */
export const PATIENT_KIND_WORDS: Partial<Record<NotificationKind, string>> = {
  MEDICATION_CHANGE: 'A change to your medications',
  PLAN_VERSION: 'A new version of your plan to read',
  PLAN_COMMENT: 'A reply about your plan',
  SESSION_NOTE_SIGNED: 'A session note you can read',
  PATIENT_MESSAGE: 'A message from your care team',
  APPOINTMENT_UPDATED: 'An appointment booked, moved or cancelled',
};
