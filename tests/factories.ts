// Test factories: the shared builders of prisma/demo/build (which the demo seed uses too), and
// what only tests need on top of them: the Viewer of a user.
import type { User } from '@/prisma/generated/client';
import type { Viewer } from '@/lib/auth/viewer';
import type { PatientWithAccount } from '@/prisma/demo/build';

export * from '@/prisma/demo/build';

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
