// Pure rules: no I/O. The one home of "who may do what" and "which patients a viewer may see".
import type { Prisma } from '@/prisma/generated/client';
import type { Role, Viewer } from '@/lib/auth/viewer';

const rolesFor = {
  'patient.list': ['PATIENT', 'PRESCRIBER', 'THERAPIST', 'ADMIN'],
  'patient.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST', 'ADMIN'],
  'caseload.read': ['PRESCRIBER', 'THERAPIST'],
  'careSummary.read': ['PATIENT'],
  'organization.read': ['ADMIN'],
  'careTeam.manage': ['ADMIN'],
  'user.manage': ['ADMIN'],
  'treatmentPlan.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'treatmentPlan.edit': ['PRESCRIBER', 'THERAPIST'],
  'treatmentPlan.acknowledge': ['PATIENT'],
  // The patient comments; clinicians on the team reply in the same thread.
  'treatmentPlan.comment': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'treatmentPlan.requestReview': ['PATIENT'],
  'medicationChange.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'medicationChange.create': ['PRESCRIBER'],
  // A change's note for the care team: clinicians only, never the patient.
  'medicationChange.readCareTeamNote': ['PRESCRIBER', 'THERAPIST'],
  'sessionNote.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'sessionNote.write': ['PRESCRIBER', 'THERAPIST'],
  // Signed notes withheld from the patient, and why: the care team only (a patient reads a note
  // only when signed and not withheld: lib/data/session-notes/visibility.ts).
  'sessionNote.readWithheld': ['PRESCRIBER', 'THERAPIST'],
  'psychotherapyNote.readOwn': ['THERAPIST'],
  'psychotherapyNote.write': ['THERAPIST'],
  'checkIn.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'checkIn.create': ['PATIENT'],
  'assessment.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'assessment.create': ['PATIENT'],
  // That a PHQ-9 raised a safety flag, and the open flags: the care team acts on them.
  'safetyFlag.read': ['PRESCRIBER', 'THERAPIST'],
  // Raise by hand, acknowledge, resolve: active care-team clinicians only.
  'safetyFlag.manage': ['PRESCRIBER', 'THERAPIST'],
  // The patient sees only whether their team has seen their answer ("status only").
  'safetyFlag.readStatus': ['PATIENT'],
  // Phone, preferred contact, emergency contact: admins run the front desk.
  'contact.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST', 'ADMIN'],
  'contact.edit': ['PATIENT', 'PRESCRIBER', 'THERAPIST', 'ADMIN'],
  // The Stanley–Brown safety plan: written by the therapist with the patient; the prescriber reads.
  'safetyPlan.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'safetyPlan.edit': ['PATIENT', 'THERAPIST'],
  'message.read': ['PRESCRIBER', 'THERAPIST'],
  'message.write': ['PRESCRIBER', 'THERAPIST'],
  'brief.read': ['PRESCRIBER', 'THERAPIST'],
  // The chart's header and overview (name, care team, flags, regimen at a glance).
  'chart.read': ['PRESCRIBER', 'THERAPIST'],
  // Everything that happened, filtered by what each reader may see of each kind.
  'timeline.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  // Check-ins, questionnaires and medication markers over a period.
  'trends.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'accessLog.read': ['PATIENT', 'ADMIN'],
  // The whole record as a PDF or a FHIR file, to take away (HIPAA right of access): the patient
  // only; clinicians print the chart, admins need none of it (docs/decisions/032-record-export.md).
  'record.export': ['PATIENT'],
  'auditEvent.read': ['ADMIN'],
  // The secure conversation between the patient and their active care team (not the care team's
  // internal thread): admins never read it.
  'conversation.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'conversation.write': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  // The patient's own reminders (check-in hour, questionnaire and plan reminders).
  'reminders.edit': ['PATIENT'],
  // The email outbox (no PHI in it) and the jobs that failed for good, to read and retry.
  'outbox.read': ['ADMIN'],
  // Appointments (times, people, kind, place): admins run the front desk, so they read and book
  // too, but see no clinical content (no reasons, no brief).
  'appointment.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST', 'ADMIN'],
  'appointment.schedule': ['PRESCRIBER', 'THERAPIST', 'ADMIN'],
  // The patient asks to cancel or reschedule, with a reason; the clinician decides.
  'appointment.requestChange': ['PATIENT'],
  // The reasons given for a cancellation or a patient's request: never the admin.
  'appointment.readReasons': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  // A clinician's own private iCalendar feed of their schedule.
  'calendarFeed.manage': ['PRESCRIBER', 'THERAPIST'],
  // Each person's own inbox and notification preferences.
  'notification.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST', 'ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof rolesFor;

/** Whether the viewer's role carries the permission at all (scope is checked separately). */
export function can(viewer: Pick<Viewer, 'role'>, permission: Permission): boolean {
  return (rolesFor[permission] as readonly Role[]).includes(viewer.role);
}

/** The permission table, for tests and documentation. */
export const permissionTable: Readonly<Record<Permission, readonly Role[]>> = rolesFor;

/**
 * SECURITY (author-only edits): only the author of a clinical record (a session note, a
 * psychotherapy note) changes, signs, amends or withholds it; the role's permission is checked
 * too, separately.
 */
export function isAuthor(viewer: Pick<Viewer, 'userId'>, authorId: string): boolean {
  return viewer.userId === authorId;
}

/**
 * Whose words a reader gets where one record is told two ways (the timeline, the trends): the
 * patient reads about "your" care, the care team reads the clinical wording.
 */
export function audienceOf(viewer: Pick<Viewer, 'role'>): 'patient' | 'careTeam' {
  return viewer.role === 'PATIENT' ? 'patient' : 'careTeam';
}

/**
 * SECURITY: the one definition of which patients a viewer may see (tests/unit/policy.test.ts quotes the access table):
 * a patient sees themself, an admin their organization, a clinician the patients of their active
 * care teams. Always inside the viewer's organization.
 */
export function patientsInScope(viewer: Viewer): Prisma.PatientWhereInput {
  if (viewer.role === 'PATIENT') {
    // A patient account without a patient record sees nothing.
    return {
      id: viewer.patientId ?? '00000000-0000-0000-0000-000000000000',
      organizationId: viewer.organizationId,
    };
  }
  if (viewer.role === 'ADMIN') return { organizationId: viewer.organizationId };
  return {
    organizationId: viewer.organizationId,
    careTeam: { some: { clinicianId: viewer.userId, endedAt: null } },
  };
}
