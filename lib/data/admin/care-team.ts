import 'server-only';
import type { z } from 'zod';
import type { Tx } from '@/lib/db';
import { isClinician, type Viewer } from '@/lib/auth/viewer';
import type { Idempotency } from '@/lib/idempotency';
import { idempotent } from '@/lib/data/idempotency';
import { withPatientAccess, type PatientAccess } from '@/lib/data/patient-access';
import { type ScopedPatient, patientScope } from '@/lib/data/scope';
import { careTeamMemberSelect, toCareTeamMember } from '@/lib/data/patients';
import { lockFor } from '@/lib/data/recipes';
import { ConflictError, NotFoundError, parseInput } from '@/lib/errors';
import { AddCareTeamMemberInput } from '@/lib/schemas/admin';
import { Id } from '@/lib/schemas/common';
import type { CareTeamMember } from '@/lib/schemas/patients';

const ADD_MEMBER = {
  permission: 'careTeam.manage',
  action: 'create',
  resourceType: 'careTeam',
} as const satisfies PatientAccess;

/** Adds the clinician to the patient's team in the caller's transaction, or says why not. */
async function joinCareTeam(
  tx: Tx,
  patient: ScopedPatient,
  clinicianId: string,
): Promise<CareTeamMember> {
  // One membership change per patient at a time, so "already a member" cannot race.
  await lockFor(tx, 'careTeam', patient.id);
  const clinician = await tx.user.findFirst({
    where: { id: clinicianId, organizationId: patient.organizationId },
    select: { id: true, role: true, disabledAt: true },
  });
  if (!clinician) throw new NotFoundError('clinician');
  if (!isClinician(clinician.role)) {
    throw new ConflictError('Only prescribers and therapists join care teams.', 'clinicianId');
  }
  if (clinician.disabledAt) throw new ConflictError('This account is disabled.', 'clinicianId');
  const active = await tx.careTeamMembership.findFirst({
    where: { patientId: patient.id, clinicianId: clinician.id, endedAt: null },
    select: { id: true },
  });
  if (active) {
    throw new ConflictError('This clinician is already on the care team.', 'clinicianId');
  }
  const membership = await tx.careTeamMembership.create({
    data: {
      ...patientScope(patient),
      clinicianId: clinician.id,
    },
    select: careTeamMemberSelect,
  });
  return toCareTeamMember(membership);
}

/**
 * Admins: adds an active prescriber or therapist of the organization to a patient's care team.
 * NotFoundError when the patient or clinician is outside the organization; ConflictError when the
 * clinician is disabled, not a clinician, or already an active member. Audited.
 */
export async function addCareTeamMember(
  viewer: Viewer,
  patientId: string,
  input: z.input<typeof AddCareTeamMemberInput>,
  idempotency?: Idempotency,
): Promise<CareTeamMember> {
  const { clinicianId } = parseInput(AddCareTeamMemberInput, input);
  const join = (tx: Tx, patient: ScopedPatient) =>
    idempotent(tx, viewer, idempotency, { clinicianId }, () =>
      joinCareTeam(tx, patient, clinicianId),
    );
  return withPatientAccess(viewer, patientId, ADD_MEMBER, join, (member) => member.membershipId);
}

/**
 * Admins: ends a care-team membership of a patient of their organization (the clinician loses
 * access at once). NotFoundError when it is not this patient's; ConflictError when it has
 * already ended. Audited.
 */
export async function endCareTeamMembership(
  viewer: Viewer,
  patientId: string,
  membershipId: string,
): Promise<CareTeamMember> {
  return withPatientAccess(
    viewer,
    patientId,
    {
      permission: 'careTeam.manage',
      action: 'update',
      resourceType: 'careTeam',
      resourceId: membershipId,
    },
    async (tx, patient) => {
      if (!Id.safeParse(membershipId).success) throw new NotFoundError('care-team membership');
      const mine = {
        id: membershipId,
        ...patientScope(patient),
      };
      const ended = await tx.careTeamMembership.updateMany({
        where: { ...mine, endedAt: null },
        data: { endedAt: new Date() },
      });
      const membership = await tx.careTeamMembership.findFirst({
        where: mine,
        select: careTeamMemberSelect,
      });
      if (!membership) throw new NotFoundError('care-team membership');
      if (ended.count === 0) throw new ConflictError('This membership has already ended.');
      return toCareTeamMember(membership);
    },
  );
}
