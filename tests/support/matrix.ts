// The vocabulary of the /api/v1 authorization matrix (tests/integration/api-matrix.test.ts):
// the kinds of caller, the world they act in, and one row per route and method.
import type { User } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import type { HttpMethod } from '@/lib/api/openapi';
import { createUser, type CareTeam, type PatientWithAccount } from '@/tests/factories';
import type { ApiCall } from '@/tests/support/api';

export const SUBJECTS = [
  'signedOut',
  'patient',
  'otherPatient',
  'prescriberOnTeam',
  'prescriberOffTeam',
  'therapistOnTeam',
  'therapistOffTeam',
  'admin',
  'otherOrgClinician',
] as const;
export type Subject = (typeof SUBJECTS)[number];

export type World = {
  team: CareTeam;
  users: Record<Exclude<Subject, 'signedOut'>, User | PatientWithAccount>;
  cookies: Record<Subject, string | undefined>;
};

export type Row = {
  method: HttpMethod;
  path: string;
  /** Path parameters, query and body for one cell; may create fresh rows so cells stay independent. */
  call?: (w: World) => Promise<Partial<ApiCall>>;
  expect: Record<Subject, number>;
  /** Audit events the caller's account adds per signed-in call (1 unless said otherwise). */
  audits?: number;
};

export const everyone = (status: number): Record<Subject, number> =>
  Object.fromEntries(SUBJECTS.map((s) => [s, status])) as Record<Subject, number>;
export const adminOnly = (status: number) => ({ ...everyone(403), signedOut: 401, admin: status });
export const freshClinician = (w: World) =>
  createUser(db, w.team.organization, { role: 'THERAPIST', passwordHash: null });

/** The account id of a caller (a patient's account, not the patient record). */
export function accountId(user: User | PatientWithAccount): string {
  return 'account' in user ? user.account.id : user.id;
}
