import type { ClinicianRole, Role } from '@/lib/schemas/enums';

export { ROLES, type ClinicianRole, type Role } from '@/lib/schemas/enums';

/** Who is asking: built from the verified session, passed as the first argument to lib/data. */
export type Viewer = {
  userId: string;
  organizationId: string;
  role: Role;
  name: string;
  email: string;
  /** Set when role is PATIENT: the patient record that is the viewer's own. */
  patientId?: string;
  /** Request context recorded in the audit trail. */
  ip?: string;
  userAgent?: string;
  requestId?: string;
  /** The request was a poll or refetch, not a person's action (audited as background). */
  background?: boolean;
  clientRequestId?: string;
  /**
   * SECURITY: the organization requires a second factor this clinician or admin has not set up:
   * pages send them to /account/security and the API refuses everything but enrolment (403).
   */
  mustEnrolSecondFactor?: true;
};

export function isClinician(role: Role): boolean {
  return role === 'PRESCRIBER' || role === 'THERAPIST';
}

/**
 * The role of the author of a clinical record (a note, an addendum, a message) or of a care-team
 * member: only prescribers and therapists write those or join care teams (lib/auth/policy.ts), so
 * any other role reads as a therapist rather than widening the DTO's type.
 */
export function clinicianRole(role: string): ClinicianRole {
  return role === 'PRESCRIBER' ? 'PRESCRIBER' : 'THERAPIST';
}

/** Where each role lands after sign-in. */
export function homePathFor(role: Role): string {
  if (role === 'PATIENT') return '/my-care';
  if (role === 'ADMIN') return '/admin';
  return '/caseload';
}
