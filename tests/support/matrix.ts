// The vocabulary of the /api/v1 authorization matrix (tests/integration/api-matrix.test.ts):
// the kinds of caller, the world they act in, and one row per route and method.
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { User } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import type { HttpMethod } from '@/lib/api/registry';
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
  /**
   * Path parameters, query and body for one cell; may create fresh rows so cells stay independent.
   * `subject` is the caller of the cell (absent where a caller is not known yet, e.g. the fuzz's
   * base request), for rows whose record must be the caller's own (an inbox item).
   */
  call?: (w: World, subject?: Subject) => Promise<Partial<ApiCall>>;
  expect: Record<Subject, number>;
  /** Audit events the caller's account adds per signed-in call (1 unless said otherwise). */
  audits?: number;
};

type Expect = Record<Subject, number>;

export const everyone = (status: number): Expect =>
  Object.fromEntries(SUBJECTS.map((s) => [s, status])) as Expect;
export const adminOnly = (status: number) => ({ ...everyone(403), signedOut: 401, admin: status });

/** The patient and the clinicians on their active care team get `status`; admins 403; anyone else 404. */
export const readers = (status: number): Expect => ({
  signedOut: 401,
  patient: status,
  otherPatient: 404,
  prescriberOnTeam: status,
  prescriberOffTeam: 404,
  therapistOnTeam: status,
  therapistOffTeam: 404,
  admin: 403,
  otherOrgClinician: 404,
});
/** The clinicians on the patient's active care team get `status`; the patient and admins 403. */
export const careTeamOnly = (status: number): Expect => ({ ...readers(status), patient: 403 });
/** The patient themself gets `status`; the clinicians on the team and admins 403. */
export const patientOnly = (status: number): Expect => ({ ...readers(403), patient: status });

/** A therapist of the team's organization on no care team, made for one cell. */
export const freshClinician = (w: World) =>
  createUser(db, w.team.organization, { role: 'THERAPIST', passwordHash: null });

/** A cell's call on a fresh account (`{userId}`). */
export const onFreshAccount = async (w: World) => ({
  params: { userId: (await freshClinician(w)).id },
});

/** A one-time set-password link's token for `userId`, valid for an hour. */
export async function setPasswordToken(userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.passwordSetToken.create({
    data: {
      userId,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return token;
}

/** The account id of a caller (a patient's account, not the patient record). */
export function accountId(user: User | PatientWithAccount): string {
  return 'account' in user ? user.account.id : user.id;
}

/**
 * Asserts that an answer fits the schema its route publishes for its status: no issue, and no
 * member the schema does not name (zod strips those, so the parsed answer would differ).
 */
export function expectPublished(schema: z.ZodType | undefined, body: unknown, status: number) {
  if (status === 204) return expect(body).toBeNull();
  expect(schema, `a published schema for ${status}`).toBeDefined();
  if (!schema) return;
  const result = schema.safeParse(body);
  expect(result.success ? [] : result.error.issues, JSON.stringify(body)).toEqual([]);
  expect(result.data, 'members the published schema does not name').toEqual(body);
}
