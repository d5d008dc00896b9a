// Who the HTTP benchmark signs in as, found in whatever database it runs on (the scale dataset or
// the demo): the prescriber with the largest active caseload, the patient of that caseload with
// the most medication changes (and that patient's own account), and an admin of the same
// organization.
import type pg from 'pg';
import type { Role } from '@/lib/auth/viewer';

/** An account as a session token names it (tests/support/api.ts sessionCookie reads these). */
export type Account = {
  id: string;
  name: string;
  email: string;
  role: Role;
  organizationId: string;
  sessionVersion: number;
};

export type Subjects = {
  prescriber: Account;
  caseloadSize: number;
  patientId: string;
  patientAccount: Account;
  medicationChanges: number;
  admin: Account;
};

const ACCOUNT = `u.id, u.name, u.email, u.role, u."organizationId", u."sessionVersion"`;

async function one<T extends pg.QueryResultRow>(
  client: pg.Client,
  what: string,
  sql: string,
  values: unknown[] = [],
): Promise<T> {
  const { rows } = await client.query<T>(sql, values);
  if (!rows[0]) throw new Error(`bench:http found no ${what} in this database`);
  return rows[0];
}

export async function findSubjects(client: pg.Client): Promise<Subjects> {
  const prescriber = await one<Account & { caseload: number }>(
    client,
    'prescriber with an active caseload',
    `SELECT ${ACCOUNT}, count(*)::int AS caseload
       FROM "User" u JOIN "CareTeamMembership" m ON m."clinicianId" = u.id AND m."endedAt" IS NULL
      WHERE u.role = 'PRESCRIBER' AND u."disabledAt" IS NULL
      GROUP BY u.id ORDER BY caseload DESC, u.id LIMIT 1`,
  );
  const patient = await one<{ id: string; userId: string; changes: number }>(
    client,
    'patient on the prescriber’s caseload',
    `SELECT p.id, p."userId",
            (SELECT count(*)::int FROM "MedicationChange" c WHERE c."patientId" = p.id) AS changes
       FROM "CareTeamMembership" m JOIN "Patient" p ON p.id = m."patientId"
      WHERE m."clinicianId" = $1 AND m."endedAt" IS NULL
      ORDER BY changes DESC, p.id LIMIT 1`,
    [prescriber.id],
  );
  const patientAccount = await one<Account>(
    client,
    'patient account',
    `SELECT ${ACCOUNT} FROM "User" u WHERE u.id = $1`,
    [patient.userId],
  );
  const admin = await one<Account>(
    client,
    'admin in the prescriber’s organization',
    `SELECT ${ACCOUNT} FROM "User" u
      WHERE u.role = 'ADMIN' AND u."disabledAt" IS NULL AND u."organizationId" = $1
      ORDER BY u.id LIMIT 1`,
    [prescriber.organizationId],
  );
  const { caseload, ...account } = prescriber;
  return {
    prescriber: account,
    caseloadSize: caseload,
    patientId: patient.id,
    patientAccount,
    medicationChanges: patient.changes,
    admin,
  };
}
