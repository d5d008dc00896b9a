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
  'treatmentPlan.comment': ['PATIENT'],
  'treatmentPlan.requestReview': ['PATIENT'],
  'medicationChange.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'medicationChange.create': ['PRESCRIBER'],
  'sessionNote.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'sessionNote.write': ['PRESCRIBER', 'THERAPIST'],
  'psychotherapyNote.readOwn': ['THERAPIST'],
  'psychotherapyNote.write': ['THERAPIST'],
  'checkIn.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'checkIn.create': ['PATIENT'],
  'assessment.read': ['PATIENT', 'PRESCRIBER', 'THERAPIST'],
  'assessment.create': ['PATIENT'],
  'message.read': ['PRESCRIBER', 'THERAPIST'],
  'message.write': ['PRESCRIBER', 'THERAPIST'],
  'brief.read': ['PRESCRIBER', 'THERAPIST'],
  'accessLog.read': ['PATIENT', 'ADMIN'],
  'auditEvent.read': ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof rolesFor;

/** Whether the viewer's role carries the permission at all (scope is checked separately). */
export function can(viewer: Pick<Viewer, 'role'>, permission: Permission): boolean {
  return (rolesFor[permission] as readonly Role[]).includes(viewer.role);
}

/** The permission table, for tests and documentation. */
export const permissionTable: Readonly<Record<Permission, readonly Role[]>> = rolesFor;

/**
 * SECURITY: the one definition of which patients a viewer may see (PRODUCT.md, access rules):
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
