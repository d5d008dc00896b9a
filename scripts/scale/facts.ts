// What a benchmark needs to know about a scale dataset, derived by SQL from the data itself (so
// any loaded scale database answers, whichever sizes built it): the prescriber with the largest
// active caseload, one patient on it, that patient's active therapist, and an admin.
import type pg from 'pg';

export type ScaleFacts = {
  organizationId: string;
  prescriber: { id: string; email: string; caseload: number };
  patient: { id: string; userId: string; email: string };
  therapist: { id: string; email: string };
  admin: { id: string; email: string };
};

const FACTS_SQL = `
  WITH big AS (
    SELECT u.id, u.email, u."organizationId", count(*)::int AS caseload
      FROM "CareTeamMembership" m JOIN "User" u ON u.id = m."clinicianId"
     WHERE m."endedAt" IS NULL AND u.role = 'PRESCRIBER'
     GROUP BY u.id ORDER BY count(*) DESC, u.email LIMIT 1),
  patient AS (
    SELECT p.id, p."userId", a.email
      FROM big JOIN "CareTeamMembership" m ON m."clinicianId" = big.id AND m."endedAt" IS NULL
      JOIN "Patient" p ON p.id = m."patientId" JOIN "User" a ON a.id = p."userId"
     ORDER BY a.email LIMIT 1),
  therapist AS (
    SELECT u.id, u.email FROM patient
      JOIN "CareTeamMembership" m ON m."patientId" = patient.id AND m."endedAt" IS NULL
      JOIN "User" u ON u.id = m."clinicianId" AND u.role = 'THERAPIST'
     ORDER BY u.email LIMIT 1),
  admin AS (
    SELECT u.id, u.email FROM big JOIN "User" u
        ON u."organizationId" = big."organizationId" AND u.role = 'ADMIN'
     ORDER BY u.email LIMIT 1)
  SELECT json_build_object(
    'organizationId', big."organizationId",
    'prescriber', json_build_object('id', big.id, 'email', big.email, 'caseload', big.caseload),
    'patient', json_build_object('id', patient.id, 'userId', patient."userId", 'email', patient.email),
    'therapist', json_build_object('id', therapist.id, 'email', therapist.email),
    'admin', json_build_object('id', admin.id, 'email', admin.email)) AS facts
    FROM big, patient, therapist, admin`;

/** The facts of the scale dataset at `client`'s database, or null when it holds none. */
export async function readScaleFacts(client: pg.Client | pg.Pool): Promise<ScaleFacts | null> {
  const { rows } = await client.query<{ facts: ScaleFacts }>(FACTS_SQL);
  return rows[0]?.facts ?? null;
}

/** The tables a scale dataset fills, for the row counts it prints. */
export const SCALE_TABLES = [
  'Organization', 'User', 'Patient', 'CareTeamMembership', 'TreatmentPlan', 'TreatmentPlanVersion',
  'PlanGoal', 'PlanIntervention', 'PlanAcknowledgement', 'MedicationChange', 'MedicationState',
  'CheckIn', 'CheckInSideEffect', 'CheckInMeasureValue', 'SessionNote', 'Assessment',
  'Appointment', 'AuditEvent', 'AuditSeal',
] as const;

export async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SCALE_TABLES) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table}"`);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}
