// Test factories: the shared builders of prisma/demo/build (which the demo seed uses too), and
// what only tests need on top of them: a whole care team at once, and the Viewer of a user.
import type { CareTeamMembership, Organization, User } from '@/prisma/generated/client';
import type { Viewer } from '@/lib/auth/viewer';
import {
  addToCareTeam,
  createOrganization,
  createPatient,
  createUser,
  type FactoryDb,
  type PatientWithAccount,
} from '@/prisma/demo/build';

export * from '@/prisma/demo/build';

export type CareTeam = {
  organization: Organization;
  prescriber: User;
  therapist: User;
  patient: PatientWithAccount;
  memberships: CareTeamMembership[];
};

/** An organization (new unless given) with a prescriber and a therapist on one patient's team. */
export async function createCareTeam(
  db: FactoryDb,
  options: { organization?: Organization; passwordHash?: string | null; password?: string } = {},
): Promise<CareTeam> {
  const organization = options.organization ?? (await createOrganization(db));
  const credentials = { passwordHash: options.passwordHash, password: options.password };
  const prescriber = await createUser(db, organization, { ...credentials, role: 'PRESCRIBER' });
  const therapist = await createUser(db, organization, { ...credentials, role: 'THERAPIST' });
  const patient = await createPatient(db, organization, credentials);
  const memberships = [
    await addToCareTeam(db, patient, prescriber),
    await addToCareTeam(db, patient, therapist),
  ];
  return { organization, prescriber, therapist, patient, memberships };
}

/** The Viewer lib/data expects for a user, or for a patient (from createPatient). */
export function viewerFor(subject: User | PatientWithAccount): Viewer {
  if ('account' in subject) {
    const { account } = subject;
    return {
      userId: account.id,
      organizationId: account.organizationId,
      role: 'PATIENT',
      name: account.name,
      email: account.email,
      patientId: subject.id,
    };
  }
  return {
    userId: subject.id,
    organizationId: subject.organizationId,
    role: subject.role,
    name: subject.name,
    email: subject.email,
  };
}
