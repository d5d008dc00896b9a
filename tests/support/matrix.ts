// The vocabulary of the /api/v1 authorization matrix (tests/integration/api-matrix.test.ts):
// the kinds of caller, the world they act in, and one row per route and method.
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
